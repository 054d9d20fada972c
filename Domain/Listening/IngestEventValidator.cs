using System.Net.Mail;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Domain.Listening;

/// <summary>
/// Checks an ingest body field by field, so that a channel learns every problem at once. Field names are the JSON
/// paths the channel sent (<c>author.handle</c>, <c>author.links[0].channel</c>).
/// </summary>
public static class IngestEventValidator
{
    public const int MaxIdLength = 200;
    public const int MaxHandleLength = 100;
    public const int MaxDisplayNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxTextLength = 20_000;
    public const int MaxUrlLength = 2_000;
    public const int MaxLinks = 10;

    /// <summary>How far ahead of the server's clock an event may claim to have happened (clock skew between systems).</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromDays(1);

    public static Dictionary<string, string[]> Validate(IngestEventRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        Text(errors, "externalId", request.ExternalId, MaxIdLength, required: true);
        if (request.Kind is null)
        {
            errors["kind"] = ["Required."];
        }
        else if (!MessageKinds.All.Contains(request.Kind))
        {
            errors["kind"] = [$"Must be one of {string.Join(", ", MessageKinds.All.Order(StringComparer.Ordinal))}."];
        }

        if (request.Author is null)
        {
            errors["author"] = ["Required."];
        }
        else
        {
            Text(errors, "author.handle", request.Author.Handle, MaxHandleLength, required: true);
            Text(errors, "author.displayName", request.Author.DisplayName, MaxDisplayNameLength, required: true);
            if (Text(errors, "author.email", request.Author.Email, MaxEmailLength, required: false) && request.Author.Email is { } email
                && !IsEmail(email))
            {
                errors["author.email"] = ["Must be an email address."];
            }

            if (request.Author.Followers < 0)
            {
                errors["author.followers"] = ["Must not be negative."];
            }

            Links(errors, request.Author.Links);
        }

        Text(errors, "text", request.Text, MaxTextLength, required: true);
        Text(errors, "inReplyTo", request.InReplyTo, MaxIdLength, required: false);
        Text(errors, "threadId", request.ThreadId, MaxIdLength, required: false);

        if (request.OccurredAt is null)
        {
            errors["occurredAt"] = ["Required: an ISO 8601 date and time with its offset."];
        }
        else if (request.OccurredAt > now + AllowedClockSkew)
        {
            errors["occurredAt"] = ["Must not be in the future."];
        }

        if (Text(errors, "url", request.Url, MaxUrlLength, required: false) && request.Url is { } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors["url"] = ["Must be an absolute http or https address."];
        }

        if (request.Rating is < 1 or > 5)
        {
            errors["rating"] = ["Must be from 1 to 5."];
        }

        return errors;
    }

    /// <summary>Checks one text field; returns whether it is present and valid so far.</summary>
    private static bool Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required || value is not null)
            {
                errors[field] = [required ? "Required." : "Must not be empty when given."];
            }

            return false;
        }

        if (value.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
            return false;
        }

        // PostgreSQL text cannot hold U+0000; say so instead of failing to store it.
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors[field] = ["Must not contain the NUL character (U+0000)."];
            return false;
        }

        return true;
    }

    private static void Links(Dictionary<string, string[]> errors, IReadOnlyList<IngestLinkedProfile>? links)
    {
        if (links is null)
        {
            return;
        }

        if (links.Count > MaxLinks)
        {
            errors["author.links"] = [$"At most {MaxLinks} linked profiles."];
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link is null)
            {
                errors[$"author.links[{i}]"] = ["Must be an object with channel and handle."];
                continue;
            }

            if (link.Channel is null || !IngestChannels.All.Contains(link.Channel))
            {
                errors[$"author.links[{i}].channel"] = [$"Must be one of {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}."];
            }

            Text(errors, $"author.links[{i}].handle", link.Handle, MaxHandleLength, required: true);
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);
}
