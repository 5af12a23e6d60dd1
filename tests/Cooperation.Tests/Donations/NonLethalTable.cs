namespace Cooperation.Tests.Donations;

/// <summary>
/// The table of items the non-lethal rule is tested on, in French and English: what passes (training targets,
/// bullet-proof vests, unarmed drones, radios) and what is refused, with the message key that says why.
/// </summary>
public static class NonLethalTable
{
    public const string Accepted = "";
    public const string LethalMl = "donation.lethalMl";
    public const string LethalTerm = "donation.lethalTerm";
    public const string NotCategory = "donation.categoryNotAllowed";

    /// <summary>Category code (as the API takes it), description, Common Military List category, expected refusal ("" when accepted).</summary>
    public static readonly TheoryData<string, string, string?, string> Items = new()
    {
        // Accepted, French
        { "trainingMeans", "Cibles d'entraînement en carton", null, Accepted },
        { "trainingMeans", "Gilet pare-balles de niveau IIIA", "ML13", Accepted },
        { "trainingMeans", "Gilets pare-balles", "ML13", Accepted },
        { "trainingMeans", "Casque balistique", "ML13", Accepted },
        { "trainingMeans", "Tenues d'entraînement", null, Accepted },
        { "trainingMeans", "Postes radio portatifs VHF", "ML11", Accepted },
        { "trainingMeans", "Bouclier de maintien de l'ordre", null, Accepted },
        { "surveillance", "Drone d'observation non armé", "ML10", Accepted },
        { "surveillance", "Radar de surveillance côtière", null, Accepted },
        { "surveillance", "Jumelles de vision nocturne", "ML15", Accepted },
        { "civilProtection", "Trousses de premiers secours", null, Accepted },
        { "civilProtection", "Brancards de secours", null, Accepted },
        { "civilProtection", "Canon à eau pour feux de forêt", null, Accepted },
        { "civilProtection", "Défibrillateurs", null, Accepted },
        { "trainingCentres", "Simulateur de tir laser pour l'instruction", "ML14", Accepted },
        { "trainingCentres", "Tables et chaises de salle de cours", null, Accepted },
        { "trainingCentres", "Vidéoprojecteurs pour les forces armées", null, Accepted },
        { "trainingCentres", "Groupe électrogène de la gendarmerie", null, Accepted },
        // Accepted, English
        { "trainingMeans", "Training targets", null, Accepted },
        { "trainingMeans", "Bullet-proof vests", "ML13", Accepted },
        { "trainingMeans", "Bulletproof helmets", "ML13", Accepted },
        { "trainingMeans", "Soft shell jackets for training", null, Accepted },
        { "surveillance", "Unarmed observation drone", "ML10", Accepted },
        { "surveillance", "GPS receiver for patrols", null, Accepted },
        { "surveillance", "Thermal imaging camera", "ML15", Accepted },
        { "civilProtection", "First aid kits", null, Accepted },
        { "civilProtection", "Rescue stretchers", null, Accepted },
        { "trainingCentres", "Laptops for the armed forces school", null, Accepted },
        { "trainingCentres", "Radio receiver antenna", "ML11", Accepted },
        // Refused by their Common Military List category
        { "trainingMeans", "Équipement divers", "ML1", LethalMl },
        { "trainingMeans", "Lot de matériel", "ML2", LethalMl },
        { "trainingMeans", "Lot de matériel", "ML3", LethalMl },
        { "surveillance", "Engins divers", "ML4", LethalMl },
        { "civilProtection", "Produits chimiques", "ML7", LethalMl },
        { "trainingCentres", "Energetic materials", "ML8", LethalMl },
        { "trainingMeans", "Kinetic systems", "ML12", LethalMl },
        { "surveillance", "Directed energy system", "ML19", LethalMl },
        { "trainingMeans", "Gilets pare-balles", "ML3", LethalMl },
        // Refused: not one of the four categories
        { "weapons", "Matériel non précisé", null, NotCategory },
        { "vehicles", "Véhicules tout-terrain", null, NotCategory },
        // Refused by their description, French
        { "trainingMeans", "Fusils d'assaut", null, LethalTerm },
        { "trainingMeans", "Fusil", null, LethalTerm },
        { "trainingMeans", "Pistolets automatiques", null, LethalTerm },
        { "trainingMeans", "Munitions de 7,62 mm", null, LethalTerm },
        { "trainingMeans", "Cartouches à balles réelles", null, LethalTerm },
        { "civilProtection", "Grenades lacrymogènes", null, LethalTerm },
        { "trainingCentres", "Explosifs pour l'instruction au déminage", null, LethalTerm },
        { "trainingMeans", "Détonateurs électriques", null, LethalTerm },
        { "trainingMeans", "Lunette de tir pour fusil de précision", null, LethalTerm },
        { "trainingMeans", "Culasse de rechange", null, LethalTerm },
        { "surveillance", "Drone équipé de missiles", "ML10", LethalTerm },
        { "trainingMeans", "Baïonnettes", null, LethalTerm },
        { "trainingMeans", "ARMES DE POING", null, LethalTerm },
        { "trainingMeans", "Mitrailleuse légère", null, LethalTerm },
        // Refused by their description, English
        { "trainingMeans", "Assault rifles", null, LethalTerm },
        { "trainingMeans", "9 mm ammunition", null, LethalTerm },
        { "trainingMeans", "Spare rifle magazine", null, LethalTerm },
        { "trainingMeans", "Pistol", null, LethalTerm },
        { "surveillance", "Armed drone with rockets", "ML10", LethalTerm },
        { "civilProtection", "Hand grenades", null, LethalTerm },
        { "trainingCentres", "Plastic explosives for demining training", null, LethalTerm },
        { "trainingMeans", "Gun cleaning kit", null, LethalTerm },
        { "trainingMeans", "Firing pin set", null, LethalTerm },
        { "trainingMeans", "Sniper rifle scope", null, LethalTerm },
        { "trainingMeans", "Machetes", null, LethalTerm },
        { "trainingMeans", "Landmines for training", null, LethalTerm },
    };
}
