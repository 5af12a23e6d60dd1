using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Cooperation.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port inside the test process (the SmtpServer package): it keeps every message it
/// accepted, parsed, for the tests to read; told to, it refuses the next messages (a server down or full).
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private int _refusals;

    public TestSmtpServer()
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        Port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    /// <summary>Refuses the next <paramref name="count"/> messages with a temporary failure (451).</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refusals, count);

    /// <summary>The messages to an address, once at least one has arrived (or none after the timeout).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> match, int count = 1, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = Received.Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > until) return found;
            await Task.Delay(100);
        }
    }

    public void Dispose() => _stop.Cancel();

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server._refusals) >= 0)
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.InsufficientStorage, "Try again later"));
            Interlocked.Exchange(ref server._refusals, 0);
            server._received.Enqueue(MimeMessage.Load(new MemoryStream(buffer.ToArray())));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>The application with SMTP configured on a <see cref="TestSmtpServer"/>, its outbox looked at every 200 ms.</summary>
public sealed class SmtpCooperationFactory : CooperationFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Configure(builder, Smtp);
    }

    /// <summary>SMTP on the test server, the outbox looked at every 200 ms.</summary>
    internal static void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder, TestSmtpServer smtp)
    {
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", smtp.Port.ToString());
        builder.UseSetting("Smtp:From", "cooperation@test.local");
        builder.UseSetting("Smtp:PollSeconds", "0.2");
        builder.UseSetting("App:PublicBaseUrl", "http://cooperation.test.local");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}

/// <summary><see cref="SmtpCooperationFactory"/> on a loopback port, for the browser.</summary>
public sealed class SmtpKestrelCooperationFactory : KestrelCooperationFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SmtpCooperationFactory.Configure(builder, Smtp);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.Dispose();
    }
}
