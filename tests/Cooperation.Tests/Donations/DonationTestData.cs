namespace Cooperation.Tests.Donations;

/// <summary>Donations as the API takes them, and the steps of their cycle, for the donations' tests.</summary>
public static class DonationTestData
{
    public static Dictionary<string, object?> Item(string description, string category = "trainingMeans", string? ml = null, int quantity = 10,
        decimal unitValue = 150m, string currency = "EUR", decimal? rate = null, string? licence = null) => new()
    {
        ["category"] = category, ["description"] = description, ["quantity"] = quantity, ["unitValue"] = unitValue,
        ["currency"] = currency, ["rate"] = rate, ["supplier"] = "Équipements du Sud SARL", ["mlCategory"] = ml, ["exportLicence"] = licence,
    };

    /// <summary>A donation to Senegal (in the demo desk officer's zone) with the items given, or a training kit.</summary>
    public static Dictionary<string, object?> NewDonation(string title, string country = "SN", params Dictionary<string, object?>[] items) => new()
    {
        ["title"] = title,
        ["country"] = country,
        ["receivingAuthority"] = "Ministère des forces armées",
        ["receivingUnit"] = "Centre d'entraînement tactique de Thiès",
        ["items"] = items.Length > 0 ? items : new[] { Item("Cibles d'entraînement en carton", quantity: 200, unitValue: 12.5m), Item("Gilets pare-balles", ml: "ML13", quantity: 20, unitValue: 480m) },
        ["riskOfDiversion"] = "Faible : matériel marqué et inventorié, unité encadrée par un coopérant.",
        ["humanitarianLaw"] = "Unité formée au DIH par le CICR en 2025 ; aucun signalement.",
        ["storageAndAccountability"] = "Magasin fermé, registre tenu par l'officier logistique, inventaire semestriel.",
    };

    public static async Task<JsonElement> ProposeAsync(HttpClient api, Dictionary<string, object?> donation)
    {
        var response = await api.PostAsJsonAsync("/api/v1/donations", donation);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    public static async Task<JsonElement> MoveAsync(HttpClient api, int id, string to, HttpStatusCode expected = HttpStatusCode.OK, string? reason = null)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/donations/{id}/status", new { to, reason });
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }
}
