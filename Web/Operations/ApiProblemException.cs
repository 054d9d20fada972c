using System.Net;
using System.Text.Json;

namespace SocialEnterprise.Web.Operations;

/// <summary>
/// A refusal by the Api, read from its problem details: the reason it gave (a 409's detail) and, for a 400, what is
/// wrong with each field, so that a form can show each message beside its field.
/// </summary>
public sealed class ApiProblemException(HttpStatusCode status, string reason, IReadOnlyDictionary<string, string[]> errors)
    : HttpRequestException($"The Api answered {(int)status}: {reason}", null, status)
{
    /// <summary>The Api's own words: the problem's detail, its field errors, or its title.</summary>
    public string Reason { get; } = reason;

    /// <summary>Field errors of a validation problem, by field name as the Api spells it (camelCase).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>What to tell the user about any failed call: the Api's reason when it gave one, else what went wrong.</summary>
    public static string ReasonOf(HttpRequestException exception) =>
        exception is ApiProblemException problem ? problem.Reason : exception.Message;

    public static ApiProblemException From(HttpStatusCode status, string body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? detail = null;
        string? title = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                detail = Text(document.RootElement, "detail");
                title = Text(document.RootElement, "title");
                if (document.RootElement.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in fields.EnumerateObject().Where(field => field.Value.ValueKind == JsonValueKind.Array))
                    {
                        errors[field.Name] = [.. field.Value.EnumerateArray().Select(message => message.ToString())];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, an empty body): the reason falls back to the body or the status.
        }

        var reason = detail
                     ?? (errors.Count > 0 ? string.Join("; ", errors.Select(field => $"{field.Key}: {string.Join(" ", field.Value)}")) : null)
                     ?? title
                     ?? (string.IsNullOrWhiteSpace(body) ? status.ToString() : body.Trim()[..Math.Min(body.Trim().Length, 300)]);
        return new ApiProblemException(status, reason, errors);
    }

    /// <summary>What the Api said about <paramref name="field"/>, for the field's error text; null when nothing.</summary>
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
