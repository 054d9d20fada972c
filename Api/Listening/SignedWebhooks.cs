using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Api.Listening;

/// <summary>
/// What every endpoint channels call shares (the ingest webhook, the outbound reports): the raw body read within the
/// size limit, because the signature covers its exact bytes, and the signature header in the OpenAPI document.
/// </summary>
public static class SignedWebhooks
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads the body as a <typeparamref name="T"/>; otherwise the problem names the field that is not valid JSON (or
    /// the body, when it is not an object at all). <paramref name="what"/> names the body in the problem ("event").
    /// </summary>
    public static bool TryDeserialize<T>(
        byte[] body, string what, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out ValidationProblem? problem)
        where T : class
    {
        problem = null;
        try
        {
            value = JsonSerializer.Deserialize<T>(body, JsonOptions);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path[2..] : "body";
            value = null;
            problem = TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [field == "body" ? "Not valid JSON." : "Not a valid value for this field."] },
                title: $"The {what} is not valid JSON");
            return false;
        }

        if (value is null)
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The {what}, as a JSON object."] });
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads what <paramref name="channel"/> posted, or the problem to answer: 404 for an unknown channel, 413 over the
    /// size limit, 401 unless signed with <paramref name="secret"/>, 400 naming the field that is not valid JSON.
    /// <paramref name="what"/> names the body ("event"); <paramref name="secretName"/> says which secret signs it.
    /// </summary>
    public static async Task<SignedPost<T>> ReadAsync<T>(
        string channel, HttpRequest request, Func<string, string?> secret, string what, string secretName, CancellationToken cancellationToken)
        where T : class
    {
        var named = char.ToUpperInvariant(what[0]) + what[1..];
        if (!IngestChannels.All.Contains(channel))
        {
            return new(null, Problem(StatusCodes.Status404NotFound, "Unknown channel",
                $"{named}s are accepted on: {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}."));
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return new(null, Problem(StatusCodes.Status413PayloadTooLarge, $"{named} too large",
                $"A{("aeiou".Contains(what[0]) ? "n" : "")} {what} is at most {Extensions.MaxRequestBodyBytes / 1024} KiB."));
        }

        if (secret(channel) is not { } key || !IngestSignature.IsValid(key, body, request.Headers[IngestSignature.HeaderName]))
        {
            return new(null, Problem(StatusCodes.Status401Unauthorized, "Invalid signature",
                $"{IngestSignature.HeaderName} must be sha256=<hex HMAC-SHA256 of the raw body with {secretName}>."));
        }

        return TryDeserialize<T>(body, what, out var value, out var invalid) ? new(value, null) : new(null, TypedResults.Problem(invalid.ProblemDetails));
    }

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Documents the <c>X-Signature-256</c> header the endpoint requires, signed with <paramref name="secret"/>.</summary>
    public static RouteHandlerBuilder WithSignatureHeader(this RouteHandlerBuilder endpoint, string secret) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IngestSignature.HeaderName,
                In = ParameterLocation.Header,
                Required = true,
                Description = $"sha256=<lower-case hex of HMAC-SHA256({secret}, raw body)>",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^sha256=[0-9a-f]{64}$" },
            });
            return Task.CompletedTask;
        });

    /// <summary>The raw body, or null when it is over <see cref="Extensions.MaxRequestBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int limit = Extensions.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, limit + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>What a channel posted (<see cref="Value"/>), or the problem to answer instead (<see cref="Refused"/>).</summary>
public sealed record SignedPost<T>(T? Value, ProblemHttpResult? Refused)
    where T : class;
