// The namespaces nearly every test uses; a test file adds only what is particular to it.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Cooperation.Tests.Infrastructure;
global using Cooperation.Web.Data;
global using Cooperation.Web.Domain;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Shouldly;
global using Xunit;
global using static Cooperation.Tests.Infrastructure.TestData;
global using static Cooperation.Tests.Infrastructure.TestHttp;
