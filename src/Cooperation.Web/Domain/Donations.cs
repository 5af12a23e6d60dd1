using System.Text.RegularExpressions;

namespace Cooperation.Web.Domain;

/// <summary>
/// The cycle of a donation: proposed → approved → ordered → delivered → handed over → checked; cancelled from any step
/// before the handover.
/// </summary>
public enum DonationStatus { Proposed = 1, Approved = 2, Ordered = 3, Delivered = 4, HandedOver = 5, Checked = 6, Cancelled = 7 }

/// <summary>
/// The four categories of equipment the directorate donates, and no other: surveillance (drones, aerial observation,
/// radars); civil protection and health (first aid, rescue); equipment of training centres abroad; training,
/// intervention and communication means (ballistic protection, training uniforms, targets).
/// </summary>
public enum EquipmentCategory { Surveillance = 1, CivilProtection = 2, TrainingCentres = 3, TrainingMeans = 4 }

/// <summary>What a post-delivery check found of an item: in use, present but not in use, or not found.</summary>
public enum ItemFinding { InUse = 1, NotInUse = 2, NotFound = 3 }

/// <summary>The condition of an item found at a check.</summary>
public enum ItemCondition { Good = 1, Fair = 2, Poor = 3, Unusable = 4 }

/// <summary>An item as proposed: what it is, how many, at what price, from whom, and its Common Military List category.</summary>
public sealed record ItemTerms(
    EquipmentCategory Category, string Description, int Quantity, decimal UnitValue, string Currency, decimal Rate, string? Supplier,
    int? MlCategory, string? ExportLicence);

/// <summary>What was actually handed over: when, where, to whom, who signed, and the quantity of each item.</summary>
public sealed record HandoverTerms(
    DateOnly Date, string Place, string ReceivingAuthority, string Signatory, StoredFile Document, IReadOnlyDictionary<int, int> Quantities);

/// <summary>What a check found of one item.</summary>
public sealed record FindingTerms(int ItemId, ItemFinding Finding, ItemCondition? Condition, bool? AtDeclaredLocation, string? Note, StoredFile? Photo);

/// <summary>
/// The non-lethal rule, never overridable by any role, applied to every item whatever its entry (pages, API): an item
/// is refused when its Common Military List category designates lethal means, when its category is not one of the four,
/// or when its description names a weapon, ammunition, an explosive or a weapon part, in French or English. The list of
/// terms lives here and nowhere else; words are matched whole, so a training target (<i>cible</i>) or a bullet-proof vest
/// (<i>gilet pare-balles</i>) passes.
/// </summary>
public static partial class NonLethalRule
{
    /// <summary>The Common Military List categories that designate lethal means: weapons (ML1, ML2), ammunition (ML3),
    /// bombs, rockets, missiles and explosive devices (ML4), toxic agents (ML7), energetic materials (ML8), kinetic
    /// energy weapons (ML12), directed energy weapons (ML19).</summary>
    public static readonly IReadOnlySet<int> LethalMlCategories = new HashSet<int> { 1, 2, 3, 4, 7, 8, 12, 19 };

    /// <summary>The Common Military List runs from ML1 to ML22.</summary>
    public const int LastMlCategory = 22;

    /// <summary>
    /// Terms that name a weapon, ammunition, an explosive or a weapon part (French, then English), matched as whole
    /// words or phrases, case and accents aside. A term that is also harmless inside a longer phrase is listed in
    /// <see cref="HarmlessPhrases"/> instead of being left out.
    /// </summary>
    public static readonly IReadOnlyList<string> LethalTerms =
    [
        // French: weapons
        "arme", "armes", "arme à feu", "armes à feu", "fusil", "fusils", "fusil d'assaut", "carabine", "carabines", "pistolet", "pistolets",
        "revolver", "revolvers", "mitrailleuse", "mitrailleuses", "pistolet-mitrailleur", "mitraillette", "kalachnikov", "lance-roquettes",
        "lance-grenades", "lance-missiles", "mortier", "mortiers", "obusier", "canon", "canons", "baïonnette", "baïonnettes", "poignard",
        "machette", "machettes", "sabre", "taser", "matraque électrique",
        // French: ammunition and explosives
        "munition", "munitions", "cartouche", "cartouches", "balle réelle", "balles réelles", "obus", "grenade", "grenades", "roquette",
        "roquettes", "missile", "missiles", "mine antipersonnel", "mines antipersonnel", "mine antichar", "explosif", "explosifs",
        "détonateur", "détonateurs", "dynamite", "tnt", "semtex", "c4", "bombe", "bombes", "poudre noire", "charge creuse",
        // French: weapon parts
        "culasse", "canon de fusil", "chargeur de fusil", "chargeur de pistolet", "lunette de tir", "silencieux", "percuteur",
        "crosse de fusil", "carcasse de pistolet",
        // English: weapons
        "weapon", "weapons", "firearm", "firearms", "gun", "guns", "rifle", "rifles", "assault rifle", "carbine", "carbines", "pistol",
        "pistols", "handgun", "handguns", "shotgun", "shotguns", "machine gun", "machine guns", "submachine gun", "sniper rifle",
        "kalashnikov", "ak-47", "rocket launcher", "grenade launcher", "mortar", "mortars", "howitzer", "cannon", "bayonet", "bayonets",
        "dagger", "machete", "machetes", "sword", "stun gun",
        // English: ammunition and explosives
        "ammunition", "ammo", "cartridge", "cartridges", "live round", "live rounds", "bullet", "bullets", "shell", "shells",
        "grenade", "grenades", "rocket", "rockets", "missile", "missiles", "landmine", "landmines", "explosive", "explosives",
        "detonator", "detonators", "dynamite", "tnt", "semtex", "c4", "bomb", "bombs", "gunpowder", "warhead", "warheads",
        // English: weapon parts
        "barrel", "bolt carrier", "trigger", "magazine", "rifle magazine", "firing pin", "rifle scope", "suppressor", "silencer",
        "receiver", "gun stock",
    ];

    /// <summary>
    /// Phrases where a listed term names nothing lethal, taken out of a description before the terms are sought:
    /// a bullet-proof vest, a fire extinguisher's barrel, a radio receiver, a magazine rack of a library...
    /// </summary>
    public static readonly IReadOnlyList<string> HarmlessPhrases =
    [
        "pare-balles", "pare balles", "bullet-proof", "bulletproof", "bullet proof", "bullet-resistant", "balles de tennis",
        "radio receiver", "gps receiver", "receiver antenna", "magazine rack", "news magazine",
        "water barrel", "rain barrel", "trigger sprayer", "shell jacket", "soft shell", "softshell", "hard shell", "hardshell",
        "lance à incendie", "canon à eau", "water cannon", "sabre laser", "non armé", "non armés", "non armée", "non armées", "béton armé",
    ];

    private static readonly Regex Harmless = new(Alternation(HarmlessPhrases), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Lethal = new(Alternation(LethalTerms), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Whole words: neither a letter, a digit nor a hyphen may touch a term on either side.</summary>
    private static string Alternation(IEnumerable<string> terms) =>
        @"(?<![\p{L}\p{N}\-])(?:" + string.Join("|", terms.Select(Fold).Distinct().OrderByDescending(t => t.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}\-])";

    /// <summary>Lower case without accents, apostrophes made straight, so that "Munitions", "MUNITIONS" and "munitíons" read alike.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('’', '\'').Replace('‑', '-').Normalize(System.Text.NormalizationForm.FormD);
        var plain = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                plain.Append(char.ToLowerInvariant(c));
        return plain.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>The lethal term a description names (as written in the list), or null.</summary>
    public static string? LethalTermIn(string description)
    {
        var folded = Harmless.Replace(Fold(description), " ");
        var match = Lethal.Match(folded);
        return match.Success ? match.Value : null;
    }

    /// <summary>
    /// Refuses an item that breaks the rule, with the reason naming the item and the rule: the message keys
    /// <c>donation.lethalMl</c>, <c>donation.lethalTerm</c>, <c>donation.categoryNotAllowed</c>.
    /// </summary>
    public static void Check(string field, string description, EquipmentCategory? category, int? mlCategory)
    {
        if (mlCategory is { } ml && LethalMlCategories.Contains(ml))
            throw new DomainException(field, "donation.lethalMl", description, "ML" + ml);
        if (category is null || !Enum.IsDefined(category.Value))
            throw new DomainException(field, "donation.categoryNotAllowed", description);
        if (LethalTermIn(description) is { } term)
            throw new DomainException(field, "donation.lethalTerm", description, term);
    }

    /// <summary>A Common Military List category as written ("ML13", "ml 13", "13"), or null for none; throws when it is no category.</summary>
    public static int? ParseMl(string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var clean = code.Trim().ToUpperInvariant();
        if (clean is "NONE" or "AUCUNE" or "AUCUN") return null;
        var digits = clean.StartsWith("ML", StringComparison.Ordinal) ? clean[2..].Trim() : clean;
        if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= LastMlCategory)
            return n;
        throw new DomainException(field, "donation.mlUnknown", code.Trim());
    }
}

/// <summary>
/// A donation of small, non-lethal equipment to a partner's unit, completing a project: its items, the end-user
/// statement and risk note that approval needs, the handover record and the post-delivery checks.
/// </summary>
public class Donation : IAudited, IVersioned
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;

    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>The partner country that receives it: every scope rule resolves to it.</summary>
    public int CountryId { get; set; }
    public Country? Country { get; set; }
    public required string ReceivingAuthority { get; set; }
    public required string ReceivingUnit { get; set; }
    /// <summary>The project the donation completes, if any.</summary>
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    /// <summary>The desk officer in charge (an account).</summary>
    public string? DeskOfficerUserId { get; set; }
    public DonationStatus Status { get; set; } = DonationStatus.Proposed;
    public DateOnly ProposedOn { get; set; }
    public DateOnly? StatusChangedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }

    /// <summary>The receiving authority's certificate of end use (a stored file).</summary>
    public int? EndUserStatementFileId { get; set; }
    public StoredFile? EndUserStatement { get; set; }
    /// <summary>Risk note: misuse or diversion.</summary>
    public string? RiskOfDiversion { get; set; }
    /// <summary>Risk note: respect of international humanitarian law by the receiving unit.</summary>
    public string? HumanitarianLaw { get; set; }
    /// <summary>Risk note: storage and accountability.</summary>
    public string? StorageAndAccountability { get; set; }
    public string? CancellationReason { get; set; }

    public DateOnly? HandedOverOn { get; set; }
    public string? HandoverPlace { get; set; }
    public string? HandoverAuthority { get; set; }
    /// <summary>The officer who signed for the receiving authority: personal data.</summary>
    public string? HandoverSignatory { get; set; }
    public int? HandoverDocumentFileId { get; set; }
    /// <summary>The handover record signed by both sides (a stored file).</summary>
    public StoredFile? HandoverDocument { get; set; }

    public long Version { get; set; }

    public List<DonationItem> Items { get; set; } = [];
    public List<DonationCheck> Checks { get; set; } = [];

    private static readonly Dictionary<DonationStatus, DonationStatus[]> Cycle = new()
    {
        [DonationStatus.Proposed] = [DonationStatus.Approved, DonationStatus.Cancelled],
        [DonationStatus.Approved] = [DonationStatus.Ordered, DonationStatus.Cancelled],
        [DonationStatus.Ordered] = [DonationStatus.Delivered, DonationStatus.Cancelled],
        [DonationStatus.Delivered] = [DonationStatus.HandedOver, DonationStatus.Cancelled],
        [DonationStatus.HandedOver] = [DonationStatus.Checked],
        [DonationStatus.Checked] = [],
        [DonationStatus.Cancelled] = [],
    };

    public static IReadOnlyList<DonationStatus> StatusesAfter(DonationStatus status) => Cycle[status];

    /// <summary>The items may change only while the donation is proposed: what the director approves is what is ordered.</summary>
    public bool ItemsOpen => Status == DonationStatus.Proposed;

    /// <summary>The donation's value in euros, items as proposed.</summary>
    public decimal EuroValue => Items.Sum(i => i.EuroValue);

    /// <summary>Adds an item, once it passes the non-lethal rule; quantities and values positive, the rate that of its currency.</summary>
    public DonationItem AddItem(ItemTerms terms, string field = "items")
    {
        if (!ItemsOpen) throw new DomainException(field, "donation.itemsClosed");
        var item = DonationItem.From(terms, field);
        item.Donation = this;
        Items.Add(item);
        return item;
    }

    /// <summary>
    /// Approval: by the director (the caller checks who), with at least one item, the end-user statement and the three
    /// parts of the risk note.
    /// </summary>
    public void Approve(DateOnly today)
    {
        Require(DonationStatus.Approved);
        if (Blocker(DonationStatus.Approved) is { } missing) throw missing;
        Move(DonationStatus.Approved, today);
        ApprovedOn = today;
    }

    /// <summary>
    /// What the donation still lacks for a step, as the refusal that step raises: approval needs an item, the end-user
    /// statement and the three parts of the risk note; ordering, the export licence of every item on the Common Military
    /// List. Null when nothing is missing. Pages offer the step only without it, and show it beside the step instead.
    /// </summary>
    public DomainException? Blocker(DonationStatus to) => to switch
    {
        DonationStatus.Approved when Items.Count == 0 => new DomainException("to", "donation.approvalNeedsItems"),
        DonationStatus.Approved when EndUserStatementFileId is null && EndUserStatement is null =>
            new DomainException("endUserStatement", "donation.approvalNeedsStatement"),
        DonationStatus.Approved when string.IsNullOrWhiteSpace(RiskOfDiversion) || string.IsNullOrWhiteSpace(HumanitarianLaw)
            || string.IsNullOrWhiteSpace(StorageAndAccountability) => new DomainException("riskNote", "donation.approvalNeedsRiskNote"),
        DonationStatus.Ordered when Items.FirstOrDefault(i => i.MlCategory is not null && string.IsNullOrWhiteSpace(i.ExportLicence)) is { } item =>
            new DomainException("exportLicence", "donation.orderNeedsLicence", item.Description, "ML" + item.MlCategory),
        _ => null,
    };

    /// <summary>The receiving authority's end-user statement, attached (or replaced) before approval.</summary>
    public void AttachEndUserStatement(StoredFile statement)
    {
        if (Status != DonationStatus.Proposed) throw new DomainException("file", "donation.statementAfterApproval");
        EndUserStatement = statement;
    }

    /// <summary>Ordering: every item on the Common Military List carries its export licence reference.</summary>
    public void Order(DateOnly today)
    {
        Require(DonationStatus.Ordered);
        if (Blocker(DonationStatus.Ordered) is { } missing) throw missing;
        Move(DonationStatus.Ordered, today);
    }

    public void Deliver(DateOnly today)
    {
        Require(DonationStatus.Delivered);
        Move(DonationStatus.Delivered, today);
    }

    /// <summary>Cancelling, before the handover, says why.</summary>
    public void Cancel(string reason, DateOnly today)
    {
        Require(DonationStatus.Cancelled);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("reason", "donation.cancelNeedsReason");
        CancellationReason = reason;
        Move(DonationStatus.Cancelled, today);
    }

    /// <summary>
    /// The handover of a delivered donation: each item's quantity actually handed over (0 to what was donated; a
    /// shortfall is recorded as such), no later than today; schedules the post-delivery checks that many months after.
    /// </summary>
    public void HandOver(HandoverTerms terms, IReadOnlyList<int> checkMonths, DateOnly today)
    {
        Require(DonationStatus.HandedOver);
        if (terms.Date > today) throw new DomainException("date", "donation.handoverInFuture");
        if (ApprovedOn is { } approved && terms.Date < approved) throw new DomainException("date", "donation.handoverBeforeApproval", Calendar.Iso(approved));
        if (terms.Quantities.Keys.FirstOrDefault(id => Items.All(i => i.Id != id)) is var unknown && unknown != 0)
            throw new DomainException("items", "donation.itemUnknown", unknown);
        foreach (var item in Items)
        {
            if (!terms.Quantities.TryGetValue(item.Id, out var handed)) throw new DomainException("items", "donation.handoverQuantityMissing", item.Description);
            if (handed < 0 || handed > item.Quantity) throw new DomainException("items", "donation.handoverQuantityRange", item.Description, item.Quantity);
            item.QuantityHandedOver = handed;
        }
        (HandedOverOn, HandoverPlace, HandoverAuthority, HandoverSignatory, HandoverDocument) =
            (terms.Date, terms.Place, terms.ReceivingAuthority, terms.Signatory, terms.Document);
        Checks.Clear();
        foreach (var months in checkMonths.Where(m => m > 0).Distinct().Order())
            Checks.Add(new DonationCheck { Donation = this, DueOn = terms.Date.AddMonths(months) });
        Move(DonationStatus.HandedOver, terms.Date);
    }

    /// <summary>Whether an item was handed over short of what was donated.</summary>
    public bool HasShortfall => Items.Any(i => i.Shortfall > 0);

    /// <summary>
    /// Records a post-delivery check: the first one still open (or one added past the schedule), on or after the
    /// handover and no later than today, with a finding for every item handed over. The donation is checked from its
    /// first check on.
    /// </summary>
    public DonationCheck RecordCheck(DateOnly checkedOn, string checkedBy, string? checkedByUserId, IReadOnlyList<FindingTerms> findings, DateOnly today)
    {
        if (Status is not (DonationStatus.HandedOver or DonationStatus.Checked)) throw new DomainException("status", "donation.checkNeedsHandover");
        if (checkedOn > today) throw new DomainException("checkedOn", "donation.checkInFuture");
        if (checkedOn < HandedOverOn) throw new DomainException("checkedOn", "donation.checkBeforeHandover", Calendar.Iso(HandedOverOn!.Value));
        var handed = Items.Where(i => i.QuantityHandedOver > 0).ToList();
        if (findings.FirstOrDefault(f => handed.All(i => i.Id != f.ItemId)) is { } stray)
            throw new DomainException("findings", "donation.itemUnknown", stray.ItemId);
        if (findings.GroupBy(f => f.ItemId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException("findings", "donation.findingTwice", handed.First(i => i.Id == twice.Key).Description);
        if (handed.FirstOrDefault(i => findings.All(f => f.ItemId != i.Id)) is { } missing)
            throw new DomainException("findings", "donation.findingMissing", missing.Description);
        if (findings.FirstOrDefault(f => f.Finding != ItemFinding.NotFound && f.Condition is null) is { } noCondition)
            throw new DomainException("findings", "donation.conditionRequired", handed.First(i => i.Id == noCondition.ItemId).Description);

        var check = Checks.Where(c => c.CheckedOn is null).OrderBy(c => c.DueOn).FirstOrDefault();
        if (check is null)
        {
            check = new DonationCheck { Donation = this, DueOn = checkedOn };
            Checks.Add(check);
        }
        (check.CheckedOn, check.CheckedBy, check.CheckedByUserId) = (checkedOn, checkedBy, checkedByUserId);
        check.Findings.Clear();
        check.Findings.AddRange(findings.Select(f => new ItemCheck
        {
            Check = check, ItemId = f.ItemId, Finding = f.Finding, Condition = f.Finding == ItemFinding.NotFound ? null : f.Condition,
            AtDeclaredLocation = f.Finding == ItemFinding.NotFound ? false : f.AtDeclaredLocation, Note = f.Note, Photo = f.Photo,
        }));
        if (Status == DonationStatus.HandedOver) Move(DonationStatus.Checked, checkedOn);
        return check;
    }

    /// <summary>The photo of an item taken at a check already recorded (added or replaced).</summary>
    public void AttachCheckPhoto(int checkId, int itemId, StoredFile photo)
    {
        var finding = Checks.FirstOrDefault(c => c.Id == checkId && c.CheckedOn is not null)?.Findings.FirstOrDefault(f => f.ItemId == itemId)
            ?? throw new DomainException("itemId", "donation.findingUnknown", itemId);
        finding.Photo = photo;
    }

    private void Require(DonationStatus next)
    {
        if (!Cycle[Status].Contains(next)) throw new DomainException("to", "donation.transition", Status, next);
    }

    private void Move(DonationStatus next, DateOnly on)
    {
        Status = next;
        StatusChangedOn = on;
    }
}

/// <summary>One line of a donation: what, how many, its value in its currency and in euros, and its export classification.</summary>
public class DonationItem : IAudited
{
    public const int MaxDescription = 500;

    public int Id { get; set; }
    public int DonationId { get; set; }
    public Donation? Donation { get; set; }
    public EquipmentCategory Category { get; set; }
    public required string Description { get; set; }
    public int Quantity { get; set; }
    public decimal UnitValue { get; set; }
    public required string Currency { get; set; }
    /// <summary>Units of <see cref="Currency"/> for one euro, as used.</summary>
    public decimal Rate { get; set; }
    public decimal EuroValue { get; set; }
    public string? Supplier { get; set; }
    /// <summary>The category of the EU Common Military List (1 for ML1...), or null when the item is on none.</summary>
    public int? MlCategory { get; set; }
    /// <summary>The export licence, required before ordering an item on the Common Military List.</summary>
    public string? ExportLicence { get; set; }
    /// <summary>What was actually handed over, once the donation was.</summary>
    public int? QuantityHandedOver { get; set; }

    public int Shortfall => QuantityHandedOver is { } handed ? Quantity - handed : 0;

    /// <summary>An item, refused unless non-lethal (<see cref="NonLethalRule"/>), with a positive quantity, unit value and rate.</summary>
    public static DonationItem From(ItemTerms terms, string field = "items")
    {
        NonLethalRule.Check(field, terms.Description, terms.Category, terms.MlCategory);
        if (terms.Quantity <= 0) throw new DomainException(field, "donation.quantityPositive", terms.Description);
        if (terms.UnitValue <= 0) throw new DomainException(field, "donation.valuePositive", terms.Description);
        if (terms.Rate <= 0) throw new DomainException(field, "donation.ratePositive", terms.Description);
        if (terms.Currency == "EUR" && terms.Rate != 1m) throw new DomainException(field, "donation.euroRate", terms.Description);
        return new DonationItem
        {
            Category = terms.Category, Description = terms.Description, Quantity = terms.Quantity, UnitValue = terms.UnitValue,
            Currency = terms.Currency, Rate = terms.Rate,
            EuroValue = Math.Round(terms.Quantity * terms.UnitValue / terms.Rate, 2, MidpointRounding.AwayFromZero),
            Supplier = terms.Supplier, MlCategory = terms.MlCategory, ExportLicence = terms.ExportLicence,
        };
    }
}

/// <summary>A post-delivery check, scheduled at the handover (by default 6 and 12 months after), recorded when done.</summary>
public class DonationCheck : IAudited
{
    public int Id { get; set; }
    public int DonationId { get; set; }
    public Donation? Donation { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CheckedOn { get; set; }
    /// <summary>Who checked (a name): personal data.</summary>
    public string? CheckedBy { get; set; }
    public string? CheckedByUserId { get; set; }
    public List<ItemCheck> Findings { get; set; } = [];

    /// <summary>Due and not done.</summary>
    public bool IsOverdue(DateOnly today) => CheckedOn is null && DueOn < today;
}

/// <summary>What one check found of one item; an item not found raises an alert.</summary>
public class ItemCheck : IAudited
{
    public int Id { get; set; }
    public int CheckId { get; set; }
    public DonationCheck? Check { get; set; }
    public int ItemId { get; set; }
    public DonationItem? Item { get; set; }
    public ItemFinding Finding { get; set; }
    public ItemCondition? Condition { get; set; }
    public bool? AtDeclaredLocation { get; set; }
    public string? Note { get; set; }
    public int? PhotoFileId { get; set; }
    public StoredFile? Photo { get; set; }
}
