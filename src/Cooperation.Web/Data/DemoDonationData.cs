namespace Cooperation.Web.Data;

/// <summary>
/// The donations of the demo directorate: about 80 a year at scale 1 over the last ten years, to the countries of the
/// projects they mostly complete, in the four categories, every item passing the non-lethal rule; the older ones handed
/// over (some short) and checked, a few with an item not found, some with checks overdue; the recent ones at every step.
/// </summary>
public class DemoDonationData(CooperationDbContext db)
{
    public const int DonationsPerYearAtScale1 = 80;

    private static readonly (EquipmentCategory Category, string Description, int? Ml, decimal UnitValue)[] Catalogue =
    [
        (EquipmentCategory.Surveillance, "Drone d'observation non armé", 10, 18_000m),
        (EquipmentCategory.Surveillance, "Radar de surveillance côtière", null, 45_000m),
        (EquipmentCategory.Surveillance, "Jumelles de vision nocturne", 15, 2_400m),
        (EquipmentCategory.CivilProtection, "Trousses de premiers secours", null, 85m),
        (EquipmentCategory.CivilProtection, "Brancards de secours", null, 320m),
        (EquipmentCategory.CivilProtection, "Motopompes d'épuisement", null, 1_900m),
        (EquipmentCategory.TrainingCentres, "Vidéoprojecteurs de salle de cours", null, 650m),
        (EquipmentCategory.TrainingCentres, "Ordinateurs portables pour l'instruction", null, 900m),
        (EquipmentCategory.TrainingCentres, "Simulateur de tir laser", 14, 12_000m),
        (EquipmentCategory.TrainingMeans, "Gilets pare-balles", 13, 480m),
        (EquipmentCategory.TrainingMeans, "Cibles d'entraînement", null, 12.5m),
        (EquipmentCategory.TrainingMeans, "Tenues d'entraînement", null, 60m),
        (EquipmentCategory.TrainingMeans, "Postes radio portatifs VHF", 11, 750m),
    ];

    private static readonly string[] Units = ["Bataillon d'intervention", "École de gendarmerie", "Centre d'entraînement tactique", "Compagnie de protection civile", "Garde-côtes"];
    private static readonly string[] Checkers = ["Commandant Martin", "Capitaine Lefèvre", "Lieutenant-colonel Durand", "Adjudant-chef Moreau"];

    public async Task GenerateAsync(Random random, DateOnly today, int scale, CancellationToken ct)
    {
        var projects = db.Projects.Local.Where(p => p.Locations.Any(l => l.CountryId != null)).ToList();
        var countries = await db.Countries.Where(c => c.ZoneId != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var statement = StoredFile.Of("certificat-utilisation-finale.pdf", FileKinds.Pdf, DemoPdf("Certificat d'utilisation finale"), DateTimeOffset.UnixEpoch);
        var record = StoredFile.Of("proces-verbal-de-remise.pdf", FileKinds.Pdf, DemoPdf("Procès-verbal de remise"), DateTimeOffset.UnixEpoch);
        var donations = new List<Donation>();
        for (var year = today.Year - 9; year <= today.Year; year++)
            for (var i = 0; i < DonationsPerYearAtScale1 * scale; i++)
            {
                var proposed = new DateOnly(year, 1, 1).AddDays(random.Next(year == today.Year ? Math.Max(1, today.DayOfYear - 1) : 365));
                var project = random.Next(10) < 8 && projects.Count > 0 ? projects[random.Next(projects.Count)] : null;
                var countryId = project?.Locations.First(l => l.CountryId != null).CountryId ?? countries[random.Next(countries.Count)];
                donations.Add(NewDonation(random, today, proposed, countryId, project, statement, record));
            }
        db.Donations.AddRange(donations);
    }

    private static Donation NewDonation(Random random, DateOnly today, DateOnly proposed, int countryId, Project? project, StoredFile statement, StoredFile record)
    {
        var donation = new Donation
        {
            Title = "", CountryId = countryId, Project = project, ProposedOn = proposed,
            ReceivingAuthority = random.Next(2) == 0 ? "Ministère de la défense" : "Ministère de l'intérieur",
            ReceivingUnit = Units[random.Next(Units.Length)],
            RiskOfDiversion = "Faible : matériel marqué et inventorié.", HumanitarianLaw = "Unité formée au droit international humanitaire.",
            StorageAndAccountability = "Magasin fermé, registre tenu, inventaire semestriel.",
        };
        foreach (var k in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(Catalogue.Length)).Distinct())
        {
            var (category, description, ml, value) = Catalogue[k];
            donation.AddItem(new ItemTerms(category, description, 2 + random.Next(40), value, "EUR", 1m, "Fournisseur agréé", ml, ml is null ? null : $"LEX-{proposed.Year}-{random.Next(1000, 9999)}"));
        }
        donation.Title = $"{donation.Items[0].Description} — {donation.ReceivingUnit}";
        donation.AttachEndUserStatement(statement);

        // How far it went: by its age, the older ones all handed over; one in twenty cancelled.
        var age = today.DayNumber - proposed.DayNumber;
        if (random.Next(20) == 0) { donation.Cancel("Besoin couvert par un autre bailleur.", proposed.AddDays(20)); return donation; }
        var steps = age switch { < 30 => random.Next(2), < 90 => 1 + random.Next(3), < 200 => 2 + random.Next(3), _ => 4 };
        if (steps >= 1) donation.Approve(proposed.AddDays(15));
        if (steps >= 2) donation.Order(proposed.AddDays(30));
        if (steps >= 3) donation.Deliver(proposed.AddDays(75));
        if (steps < 4) return donation;

        // The handover, with a shortfall now and then, and its checks (set directly: the items have no keys yet).
        var handedOn = proposed.AddDays(90 + random.Next(60));
        if (handedOn > today) handedOn = today;
        foreach (var item in donation.Items) item.QuantityHandedOver = random.Next(8) == 0 ? item.Quantity - 1 : item.Quantity;
        (donation.HandedOverOn, donation.HandoverPlace, donation.HandoverAuthority, donation.HandoverSignatory, donation.HandoverDocument) =
            (handedOn, "Capitale", donation.ReceivingAuthority, "Colonel " + Checkers[random.Next(Checkers.Length)].Split(' ')[^1], record);
        donation.Status = DonationStatus.HandedOver;
        donation.StatusChangedOn = handedOn;
        foreach (var months in new[] { 6, 12 })
        {
            var check = new DonationCheck { Donation = donation, DueOn = handedOn.AddMonths(months) };
            donation.Checks.Add(check);
            // Most checks are done on time; some due are left overdue.
            if (check.DueOn > today || random.Next(12) == 0) continue;
            (check.CheckedOn, check.CheckedBy) = (check.DueOn.AddDays(random.Next(20)) is var on && on > today ? today : on, Checkers[random.Next(Checkers.Length)]);
            foreach (var item in donation.Items)
            {
                var notFound = random.Next(60) == 0;
                check.Findings.Add(new ItemCheck
                {
                    Check = check, Item = item, Finding = notFound ? ItemFinding.NotFound : random.Next(6) == 0 ? ItemFinding.NotInUse : ItemFinding.InUse,
                    Condition = notFound ? null : (ItemCondition)(1 + random.Next(3)), AtDeclaredLocation = !notFound,
                    Note = notFound ? "Introuvable au magasin de l'unité." : null,
                });
            }
            donation.Status = DonationStatus.Checked;
            donation.StatusChangedOn = check.CheckedOn;
        }
        return donation;
    }

    private static byte[] DemoPdf(string text) => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% demo\ntrailer<</Root 1 0 R>>\n%%EOF\n" + text.Length);
}
