using System.Globalization;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Web.Live;

/// <summary>Events in the words staff read in the activity feed.</summary>
public static class EventDescriptions
{
    public static string Title(EventEnvelope envelope) => envelope.ToEvent() switch
    {
        PipelineProbeRequested => "Pipeline probe requested",
        PipelineProbeCompleted => "Pipeline probe carried",
        ReplyStateChanged { Kind: ReplyKinds.Survey } changed => $"Satisfaction survey {StateWords(changed.State)}",
        ReplyStateChanged changed => $"Reply {StateWords(changed.State)}",
        CsatAnswered => "Satisfaction survey answered",
        _ => Words(envelope.Type),
    };

    public static string Detail(EventEnvelope envelope) => envelope.ToEvent() switch
    {
        PipelineProbeRequested requested => $"by {requested.RequestedBy}",
        PipelineProbeCompleted completed =>
            $"by worker {completed.CompletedBy}, {Milliseconds(completed.PipelineTime)} after {completed.RequestedBy} asked",
        ReplyStateChanged { Detail: { Length: > 0 } detail } => detail,
        CsatAnswered answered => $"{answered.Score} of {ReplyLimits.MaxCsatScore}",
        _ => envelope.StreamId,
    };

    private static string StateWords(string state) => state == ReplyStates.AwaitingApproval ? "awaiting approval" : state;

    public static string Milliseconds(TimeSpan duration) =>
        $"{Math.Max(0, duration.TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture)} ms";

    /// <summary>"ConsultAnswered" becomes "Consult answered": a readable title for types this workspace has no words for yet.</summary>
    internal static string Words(string type)
    {
        var words = new System.Text.StringBuilder();
        foreach (var character in type)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(character));
            }
            else
            {
                words.Append(character);
            }
        }

        return words.ToString();
    }
}
