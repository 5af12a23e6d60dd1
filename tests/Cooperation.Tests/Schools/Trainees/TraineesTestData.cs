namespace Cooperation.Tests.Schools.Trainees;

/// <summary>The trainees the trainee and alumni tests write on, each with names of his own.</summary>
public static class TraineesTestData
{
    /// <summary>An alumnus: a session passed with a certificate in 2019, a career with one prominent position after it.</summary>
    public static async Task<(TestTrainee Trainee, TestSession Session, string Code)> AlumnusAsync(this CooperationFactory factory,
        string nationality = "SN")
    {
        var session = await factory.SessionAsync(start: new DateOnly(2019, 2, 11));
        var trainee = await factory.TraineeAsync(nationality);
        var nomination = await factory.NominateAsync(session.Id, trainee);
        var code = await factory.PassAsync(nomination);
        await factory.CareerAsync(trainee.Id, "Chef de bureau logistique", new DateOnly(2016, 1, 1), new DateOnly(2018, 12, 31), false);
        await factory.CareerAsync(trainee.Id, "Chef d'état-major adjoint de l'armée de terre", new DateOnly(2021, 7, 1), null, true);
        return (trainee, session, code!);
    }
}
