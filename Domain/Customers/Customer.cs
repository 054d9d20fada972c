using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Customers;

/// <summary>
/// One person behind any number of channel identities. Identities join a customer only on evidence (the same email, a
/// link the customer declared, a staff merge); a mere likeness becomes a <see cref="MergeSuggestion"/>.
/// </summary>
public sealed class Customer : EventSource
{
    private Customer()
    {
    }

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string? Email { get; private set; }

    /// <summary>standard or vip; the routing rules and priority read it.</summary>
    public string Tier { get; private set; } = CustomerTiers.Standard;

    /// <summary>The largest audience among the customer's identities (followers).</summary>
    public int Influence { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Set while this customer's identities live on another customer after a merge (undone by clearing it).</summary>
    public Guid? MergedIntoId { get; private set; }

    public static Customer New(string displayName, string? email, int followers, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DisplayName = displayName,
        Email = email,
        Influence = Math.Max(0, followers),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Observe(string? email, int? followers, DateTimeOffset now)
    {
        if (Email is null && email is not null)
        {
            Email = email;
            UpdatedAt = now;
        }

        if (followers > Influence)
        {
            Influence = followers.Value;
            UpdatedAt = now;
        }
    }

    public void SetInfluence(int influence, DateTimeOffset now)
    {
        Influence = influence;
        UpdatedAt = now;
    }

    /// <summary>Makes the customer a VIP; false when they already were.</summary>
    public bool MarkVip(DateTimeOffset now)
    {
        if (Tier == CustomerTiers.Vip)
        {
            return false;
        }

        Tier = CustomerTiers.Vip;
        UpdatedAt = now;
        return true;
    }

    public void MarkMergedInto(Guid targetId, DateTimeOffset now)
    {
        MergedIntoId = targetId;
        UpdatedAt = now;
    }

    public void ClearMerge(DateTimeOffset now)
    {
        MergedIntoId = null;
        UpdatedAt = now;
    }
}

/// <summary>Keys that make likenesses between identities comparable: case, accents and punctuation do not count.</summary>
public static class IdentityKeys
{
    /// <summary>The handle as stored: trimmed, lower case, without a leading @.</summary>
    public static string Handle(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();

    public static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>A display name as letters and digits in lower case, words separated by one space: "Ann-Lee 🌸" is "ann lee".</summary>
    public static string Name(string displayName)
    {
        var builder = new System.Text.StringBuilder(displayName.Length);
        foreach (var c in displayName.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>The letters of a handle only: ann_lee, annlee84 and ann.lee all give "annlee".</summary>
    public static string HandleLetters(string handle)
    {
        var builder = new System.Text.StringBuilder(handle.Length);
        foreach (var c in handle.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Names too short or too common to suggest a merge on their own ("Jo", "admin").</summary>
    public static bool IsDistinctiveName(string nameKey) => nameKey.Length >= 6 && nameKey.Contains(' ', StringComparison.Ordinal);

    public static bool IsDistinctiveHandle(string handleLetters) => handleLetters.Length >= 5;
}
