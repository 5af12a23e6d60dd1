namespace Cooperation.Web.Features.Admin.Audit;

/// <summary>
/// The words of the trail's record types in the user's language ("AppUser" reads "Compte utilisateur"): the code's
/// type names stay in the data and the API, never on a page. Every audited type has one (a unit test checks it).
/// </summary>
public static class AuditLabels
{
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>
    {
        ["Administration"] = "Administration d'origine",
        ["AppUser"] = "Compte utilisateur",
        ["BudgetLine"] = "Ligne budgétaire",
        ["CareerEntry"] = "Poste dans la carrière d'un ancien stagiaire",
        ["Cooperant"] = "Fiche coopérant",
        ["CooperationDomain"] = "Domaine de coopération",
        ["Country"] = "Pays partenaire",
        ["Course"] = "Formation du catalogue",
        ["CourseSession"] = "Session de formation",
        ["DemoData"] = "Données de démonstration",
        ["Donation"] = "Don de matériel",
        ["DonationCheck"] = "Contrôle après livraison",
        ["DonationItem"] = "Article d'un don",
        ["EuAssessment"] = "Évaluation d'un projet européen",
        ["Expert"] = "Expert du vivier",
        ["ExpertiseMission"] = "Mission d'expertise",
        ["FollowUpNote"] = "Note de suivi d'une recommandation",
        ["HostAuthorityType"] = "Type d'autorité d'accueil",
        ["Indicator"] = "Indicateur d'un projet",
        ["IndicatorValue"] = "Valeur d'un indicateur",
        ["InternationalSession"] = "Session internationale IHEDN",
        ["ItemCheck"] = "Contrôle d'un article",
        ["MissionExpert"] = "Expert d'une mission",
        ["Nomination"] = "Candidature",
        ["Operator"] = "Opérateur",
        ["Organisation"] = "Organisation internationale ou régionale",
        ["Partnership"] = "Partenariat multilatéral",
        ["PartnershipContribution"] = "Contribution à un partenariat",
        ["Posting"] = "Affectation",
        ["LockedYear"] = "Année déclarée définitive",
        ["LockedYearAmendment"] = "Modification d'une année close",
        ["Programme"] = "Programme annuel de coopération",
        ["ProgrammeEnvelope"] = "Enveloppe d'un programme",
        ["ProgrammeLine"] = "Action planifiée d'un programme",
        ["ProgrammePriority"] = "Priorité d'un programme",
        ["ProgrammeRevision"] = "Révision d'un programme",
        ["Project"] = "Projet de coopération",
        ["ProjectLocation"] = "Lieu d'un projet",
        ["ProjectResult"] = "Résultat d'un projet",
        ["ProjectSector"] = "Secteur d'un projet",
        ["ProjectTransaction"] = "Transaction d'un projet",
        ["Recommendation"] = "Recommandation d'une mission",
        ["RegionalSchool"] = "École ou lieu de formation",
        ["ReportJob"] = "Rapport préparé en arrière-plan",
        ["SessionParticipant"] = "Participant à une session internationale",
        ["SessionQuota"] = "Quota d'une session",
        ["StoredFile"] = "Fichier joint",
        ["Trainee"] = "Fiche stagiaire",
        ["Vacancy"] = "Poste vacant",
        ["Zone"] = "Zone géographique",
    };

    /// <summary>The French label (a resource key) of a record type; an unknown one reads as "other record", never its code name.</summary>
    public static string EntityType(string type) => EntityTypes.TryGetValue(type, out var label) ? label : "Autre enregistrement";
}
