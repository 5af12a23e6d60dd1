namespace Cooperation.Web.Features.Network;

/// <summary>With whom and in which position, checked: the part of a posting and of a vacancy that is the same.</summary>
public sealed record PostingPlace(int HostAuthorityTypeId, string HostAuthorityName, string PositionTitle)
{
    public static async Task<PostingPlace?> CheckAsync(ReferenceCodes codes, string? hostAuthorityType, string? hostAuthorityName,
        string? positionTitle, FieldErrors errors, CancellationToken ct)
    {
        var typeId = await codes.HostAuthorityTypeAsync(hostAuthorityType, errors, ct: ct);
        var name = errors.Text("hostAuthorityName", "Autorité d'accueil", hostAuthorityName);
        var title = errors.Text("positionTitle", "Intitulé du poste", positionTitle);
        return typeId is { } id && name is not null && title is not null ? new PostingPlace(id, name, title) : null;
    }
}
