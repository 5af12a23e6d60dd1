namespace Cooperation.Web.Infrastructure;

/// <summary>
/// The multilateral partnerships' and the IHEDN international sessions' part of the access rules. A partnership touches
/// the zones of its scope (its zones, and those of its countries); a session, its priority zone.
/// <list type="bullet">
/// <item>Administrator and Director: every partnership and session, and manage them all (the director steers the
/// directorate's multilateral work: unlike the network, he manages it himself).</item>
/// <item>DeskOfficer: reads every partnership and session; manages those touching her zones; reads the participants of
/// her sessions and of the countries of her zones.</item>
/// <item>Auditor: reads everything, participants' personal data redacted; manages nothing.</item>
/// <item>LiaisonOfficer: the sessions his country is invited to, his country's participants only; proposes them.</item>
/// <item>Cooperant: the partnerships whose scope holds his country; no session.</item>
/// <item>SchoolDirector: nothing of either.</item>
/// </list>
/// </summary>
public sealed partial class Access
{
    /// <summary>Reads partnerships at all (the pages and routes).</summary>
    public bool SeesPartnerships => SeesAllCountries || IsCooperant;

    /// <summary>The partnerships the user may read.</summary>
    public IQueryable<Partnership> VisiblePartnerships(IQueryable<Partnership> partnerships)
    {
        if (SeesAllCountries) return partnerships;
        if (IsCooperant && CountryId is { } country)
            return partnerships.Where(p => p.Countries.Any(c => c.Id == country) || p.Zones.Any(z => z.Countries.Any(c => c.Id == country)));
        return partnerships.Where(_ => false);
    }

    /// <summary>May record partnerships (each touching one of her zones, for a desk officer).</summary>
    public bool CanCreatePartnerships => IsAdministrator || IsDirector || IsDeskOfficer;

    /// <summary>Manages everything multilateral, whatever its zones.</summary>
    public bool ManagesAllMultilateral => IsAdministrator || IsDirector;

    /// <summary>May change a partnership touching these zones (its scope's), or attach actions to it.</summary>
    public bool CanManagePartnership(IEnumerable<int> zoneIds) => ManagesAllMultilateral || (IsDeskOfficer && zoneIds.Any(ZoneIds.Contains));

    /// <summary>Reads the international sessions at all.</summary>
    public bool SeesInternationalSessions => SeesAllCountries || IsLiaisonOfficer;

    /// <summary>The international sessions the user may read: a liaison officer those his country is invited to.</summary>
    public IQueryable<InternationalSession> VisibleInternationalSessions(IQueryable<InternationalSession> sessions)
    {
        if (SeesAllCountries) return sessions;
        if (IsLiaisonOfficer && CountryId is { } country) return sessions.Where(s => s.InvitedCountries.Any(c => c.Id == country));
        return sessions.Where(_ => false);
    }

    /// <summary>May plan international sessions (each on one of her zones, for a desk officer).</summary>
    public bool CanPlanInternationalSessions => IsAdministrator || IsDirector || IsDeskOfficer;

    /// <summary>May change a session on this zone, invite, confirm and record its participants.</summary>
    public bool CanManageInternationalSession(int zoneId) => ManagesAllMultilateral || (IsDeskOfficer && ZoneIds.Contains(zoneId));

    /// <summary>May propose participants of this country (its liaison officer), as he nominates trainees.</summary>
    public bool CanProposeParticipantOf(int countryId) => IsLiaisonOfficer && CountryId == countryId;

    /// <summary>
    /// The participants the user sees: everyone for those who see every session's people (the auditor redacted); a desk
    /// officer those of the sessions on her zones and of the countries of her zones; a liaison officer his country's.
    /// </summary>
    public async Task<IQueryable<SessionParticipant>> VisibleParticipantsAsync(IQueryable<SessionParticipant> participants, CancellationToken ct = default)
    {
        if (IsAdministrator || IsDirector || IsAuditor) return participants;
        if (IsDeskOfficer)
        {
            var countries = await ZoneCountriesAsync(ct);
            var zones = ZoneIds.ToList();
            return participants.Where(p => countries.Contains(p.CountryId) || zones.Contains(p.Session!.ZoneId));
        }
        var country = CountryId;
        if (IsLiaisonOfficer) return participants.Where(p => p.CountryId == country);
        return participants.Where(_ => false);
    }

    /// <summary>Among the participants one sees, whose names and details one reads: everyone but the auditor.</summary>
    public bool ReadsParticipantNames => !IsAuditor;
}
