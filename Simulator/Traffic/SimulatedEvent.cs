using System.Text.Json;
using System.Text.Json.Serialization;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Simulator.Traffic;

/// <summary>What a simulated customer meant by a message; the Workers' classifier should find the same.</summary>
public enum Intent
{
    Complaint,
    Question,
    Idea,
    Praise,
    Feedback,
    Banter,
    Spam,
}

/// <summary>One event as a channel would deliver it, with what the simulator knows about it beside the body.</summary>
/// <param name="CustomerNumber">The simulated person who wrote it (a spam account is a person too).</param>
public sealed record SimulatedEvent(string Channel, IngestEventRequest Request, Intent Intent, int CustomerNumber)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The JSON body exactly as it is sent and signed: camelCase, without absent fields.</summary>
    public byte[] Body() => JsonSerializer.SerializeToUtf8Bytes(Request, Json);
}
