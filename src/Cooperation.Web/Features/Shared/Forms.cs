using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cooperation.Web.Features.Shared;

/// <summary>How the forms' markup shows a field's state: the DSFR group class, and the field's first error.</summary>
public static class Forms
{
    /// <summary>The DSFR group of a field, marked in error when the field has one.</summary>
    public static string Group(ModelStateDictionary state, string field, string css = "fr-input-group") =>
        state[field]?.Errors.Count > 0 ? $"{css} {css}--error" : css;

    public static string? Error(ModelStateDictionary state, string field) =>
        state[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>
    /// The id of the input a field's key names, as the tag helpers write it ("Form.StartDate" → "Form_StartDate",
    /// "Rows[0].Result" → "Rows_0__Result"), for the error summary's links.
    /// </summary>
    public static string FieldId(string field) => field.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
