namespace Cooperation.Tests.Admin.Audit;

/// <summary>The rules of the audit trail's hash chain, on the entries themselves.</summary>
[Trait("Category", "Unit")]
public class AuditChainRulesTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        (long, string)? head = null;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Id = i, At = new DateTimeOffset(2026, 3, 1, 10, 0, i, 123, TimeSpan.Zero).AddTicks(7), UserId = "u1", UserName = "claire@ministere.example",
                Action = "Updated", EntityType = nameof(Cooperant), EntityKey = "42",
                Before = $$"""{"FirstName":"Claire","Rank":"Capitaine {{i}}"}""", After = $$"""{"FirstName":"Claire","Rank":"Commandant {{i}}"}""",
            };
            AuditChain.Seal(entry, head);
            head = (entry.Sequence!.Value, entry.Hash!);
            entries.Add(entry);
        }
        return entries;
    }

    private static AuditIntegrity Verify(IEnumerable<AuditEntry> entries)
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in entries.OrderBy(e => e.Sequence)) if (!verifier.Add(e)) break;
        return verifier.Result();
    }

    [Fact]
    public void A_chain_as_written_is_intact_and_names_its_last_entry()
    {
        var chain = Chain(5);
        chain[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        chain[1].PreviousHash.ShouldBe(chain[0].Hash);
        chain.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        chain.ShouldAllBe(e => e.Hash!.Length == 64);
        // Cut to the microsecond, so that PostgreSQL gives back the time that was hashed.
        chain[0].At.Ticks.ShouldBe(new DateTimeOffset(2026, 3, 1, 10, 0, 1, 123, TimeSpan.Zero).Ticks);

        var result = Verify(chain);

        result.Intact.ShouldBeTrue();
        result.HeadSequence.ShouldBe(5);
        result.HeadHash.ShouldBe(chain[4].Hash);
    }

    [Theory]
    [InlineData("After")]
    [InlineData("UserName")]
    [InlineData("EntityKey")]
    [InlineData("At")]
    public void An_entry_changed_in_any_field_breaks_the_chain_at_that_entry(string field)
    {
        var chain = Chain(5);
        var victim = chain[2];
        switch (field)
        {
            case "After": victim.After = victim.After!.Replace("Commandant", "Colonel"); break;
            case "UserName": victim.UserName = "someone.else@ministere.example"; break;
            case "EntityKey": victim.EntityKey = "43"; break;
            case "At": victim.At = victim.At.AddSeconds(1); break;
        }

        Verify(chain).FirstBreak.ShouldBe(new AuditBreak(3, 3, AuditBreakKind.Altered));
    }

    [Fact]
    public void Deleted_entries_break_the_chain_at_the_entry_after_them()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);
        chain.RemoveAt(2);

        Verify(chain).FirstBreak.ShouldBe(new AuditBreak(5, 5, AuditBreakKind.Missing, ExpectedSequence: 3));
    }

    [Fact]
    public void An_entry_replaced_with_a_fresh_seal_breaks_the_chain_at_the_next_one()
    {
        var chain = Chain(5);
        // Someone rewrites entry 3 and seals it again, knowing the rules: entry 4 no longer follows it.
        chain[2].After = """{"Rank":"Général"}""";
        chain[2].Hash = AuditChain.HashOf(chain[2], chain[2].PreviousHash!);

        Verify(chain).FirstBreak.ShouldBe(new AuditBreak(4, 4, AuditBreakKind.Relinked));
    }

    [Fact]
    public void A_row_without_a_seal_is_reported()
    {
        var verifier = new AuditChainVerifier();
        foreach (var e in Chain(3)) verifier.Add(e);
        verifier.Unsealed(new AuditEntry { Id = 99, Action = "Created", EntityType = "Trainee", EntityKey = "1" });

        verifier.Result().FirstBreak.ShouldBe(new AuditBreak(99, null, AuditBreakKind.Unsealed));
    }

    [Fact]
    public void Pseudonymisation_rewrites_named_fields_and_the_chain_still_verifies_when_declared()
    {
        var chain = Chain(4);

        AuditChain.Rewrite(chain[1], new Dictionary<string, object?> { ["FirstName"] = "Anonyme", ["Email"] = null }, "anonyme@pseudonyme.invalid")
            .ShouldBeTrue();

        chain[1].Before.ShouldBe("""{"FirstName":"Anonyme","Rank":"Capitaine 2"}""");
        chain[1].After.ShouldBe("""{"FirstName":"Anonyme","Rank":"Commandant 2"}""");
        chain[1].UserName.ShouldBe("anonyme@pseudonyme.invalid");
        chain[1].ContentDigest.ShouldNotBeNull();
        // Without an entry declaring it, the rewrite is a break like any other.
        Verify(chain).FirstBreak.ShouldBe(new AuditBreak(2, 2, AuditBreakKind.UndeclaredRewrite));

        var declaration = new AuditEntry
        {
            Id = 5, At = DateTimeOffset.UtcNow, UserName = "admin", Action = AuditChain.PseudonymisedAction, EntityType = nameof(Cooperant),
            EntityKey = "42",
            After = JsonSerializer.Serialize(new Dictionary<string, object> { ["Reason"] = "Demande n° 12", [AuditChain.RewrittenEntriesField] = new[] { AuditChain.Declaration(chain[1]) } }),
        };
        AuditChain.Seal(declaration, (4, chain[3].Hash!));
        chain.Add(declaration);
        var result = Verify(chain);
        result.Intact.ShouldBeTrue();
        result.RewrittenEntries.ShouldBe(1);

        // The rewritten content is held by the declaration: changed afterwards, it breaks the chain again.
        chain[1].After = """{"FirstName":"Claire","Rank":"Commandant 2"}""";
        Verify(chain).FirstBreak.ShouldBe(new AuditBreak(2, 2, AuditBreakKind.Altered));
        AuditChain.Rewrite(chain[0], new Dictionary<string, object?> { ["Phone"] = null }).ShouldBeFalse();
    }

    [Fact]
    public void Pseudonymising_a_person_replaces_what_names_him_and_keeps_the_rest()
    {
        var trainee = new Trainee
        {
            Id = 7, FirstName = "Aya", LastName = "Kouassi", NormalizedName = "KOUASSI AYA", BirthDate = new DateOnly(1985, 6, 17),
            Gender = Gender.Female, NationalityId = 3, AdministrationId = 1, Rank = "Capitaine", Position = "Chef de section", Email = "aya@defense.ci",
        };
        var at = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

        var replaced = trainee.Pseudonymise(at);

        (trainee.FirstName, trainee.LastName, trainee.Email, trainee.BirthDate).ShouldBe(("Anonyme", "STAGIAIRE-7", null, new DateOnly(1985, 1, 1)));
        trainee.NormalizedName.ShouldBe("STAGIAIRE 7 ANONYME");
        (trainee.Rank, trainee.NationalityId, trainee.Gender).ShouldBe(("Capitaine", 3, Gender.Female));
        trainee.PseudonymisedAt.ShouldBe(at);
        replaced.Keys.ShouldBe(["FirstName", "LastName", "NormalizedName", "BirthDate", "Email"], ignoreOrder: true);
        Should.Throw<DomainException>(() => trainee.Pseudonymise(at)).MessageKey.ShouldBe("personalData.alreadyPseudonymised");

        var cooperant = new Cooperant { Id = 9, FirstName = "Claire", LastName = "Martin", Rank = "Colonel", Email = "c@m.fr", Phone = "+33 6" };
        cooperant.Pseudonymise(at);
        (cooperant.FullName, cooperant.Email, cooperant.Phone, cooperant.Rank).ShouldBe(("Anonyme COOPERANT-9", null, null, "Colonel"));
    }
}
