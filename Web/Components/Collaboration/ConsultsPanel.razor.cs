using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Collaboration;

public partial class ConsultsPanel : IAsyncDisposable
{
    [CascadingParameter]
    private ReaderTime Reader { get; set; } = ReaderTime.Server;

    [Inject]
    public required CollaborationClient CollaborationClient { get; init; }

    [Inject]
    public required LiveEventStream Live { get; init; }

    [Inject]
    public required AuthenticationStateProvider Authentication { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private IReadOnlyList<ConsultView> _consults = [];
    private IReadOnlyList<ExpertSuggestion> _experts = [];
    private readonly Dictionary<Guid, string> _replies = [];
    private readonly Dictionary<Guid, string> _replyErrors = [];
    private Dictionary<string, string> _errors = [];
    private LiveReload? _live;
    private Guid _loaded;
    private StaffMember? _me;
    private string? _error;
    private bool _asking;
    private bool _busy;
    private string? _target;
    private string? _question;
    private string? _neededBy;
    private string _priority = Priorities.Normal;

    [Parameter, EditorRequired]
    public Guid ConversationId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _me = StaffMember.From((await Authentication.GetAuthenticationStateAsync()).User);
        _live = new LiveReload(Live, Time, InvokeAsync, LoadAsync, envelope => envelope.StreamId == ConversationStream.Of(ConversationId) && envelope.Type.StartsWith("Consult", StringComparison.Ordinal));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == ConversationId)
        {
            return;
        }

        _loaded = ConversationId;
        _consults = [];
        _asking = false;
        await LoadAsync(CancellationToken.None);
    }

    private bool CanWork(ConsultView consult) =>
        consult.State is ConsultStates.Open or ConsultStates.Accepted && _me is { } me && me.Departments.Contains(consult.TargetDepartment);

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var id = ConversationId;
        try
        {
            var consults = await CollaborationClient.ConsultsAsync(id, cancellation);
            if (id == ConversationId)
            {
                _consults = consults;
                _error = null;
            }
        }
        catch (HttpRequestException exception)
        {
            _error = $"Consults could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }

        StateHasChanged();
    }

    private void ToggleForm()
    {
        _asking = !_asking;
        _errors = [];
    }

    private async Task ChooseTargetAsync(string department)
    {
        _target = department;
        _errors.Remove("targetDepartment");
        try
        {
            _experts = await CollaborationClient.ExpertsAsync(ConversationId, department, CancellationToken.None);
        }
        catch (HttpRequestException)
        {
            // Suggestions are a help, not a step: the consult can be asked without them.
            _experts = [];
        }
    }

    private async Task RequestAsync()
    {
        _errors = [];
        DateTimeOffset? neededBy = null;
        if (!string.IsNullOrWhiteSpace(_neededBy))
        {
            if (!DateTime.TryParse(_neededBy, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
            {
                _errors["neededBy"] = "A date and time.";
                return;
            }

            neededBy = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local));
        }

        _busy = true;
        try
        {
            await CollaborationClient.RequestConsultAsync(ConversationId, new ConsultRequest(_target, _question?.Trim(), neededBy, _priority), CancellationToken.None);
            _asking = false;
            _question = null;
            _neededBy = null;
            _target = null;
            _experts = [];
            _priority = Priorities.Normal;
        }
        catch (ApiProblemException problem) when (problem.Errors.Count > 0)
        {
            _errors = problem.Errors.ToDictionary(pair => pair.Key, pair => string.Join(" ", pair.Value));
        }
        catch (HttpRequestException exception)
        {
            _error = $"The consult was not asked: {Reason(exception)}";
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync(CancellationToken.None);
    }

    private Task AcceptAsync(ConsultView consult) =>
        WorkAsync(consult, cancellation => CollaborationClient.AcceptConsultAsync(consult.Id, cancellation), null, "The consult was not accepted");

    private Task AnswerAsync(ConsultView consult) =>
        WorkAsync(consult, cancellation => CollaborationClient.AnswerConsultAsync(consult.Id, _replies.GetValueOrDefault(consult.Id) ?? "", cancellation), "answer", "The consult was not answered");

    private Task DeclineAsync(ConsultView consult) =>
        WorkAsync(consult, cancellation => CollaborationClient.DeclineConsultAsync(consult.Id, _replies.GetValueOrDefault(consult.Id) ?? "", cancellation), "reason", "The consult was not declined");

    private async Task WorkAsync(ConsultView consult, Func<CancellationToken, Task> step, string? field, string failure)
    {
        _busy = true;
        _replyErrors.Remove(consult.Id);
        try
        {
            await step(CancellationToken.None);
            if (field is not null)
            {
                _replies.Remove(consult.Id);
            }
        }
        catch (ApiProblemException problem) when (field is not null && problem.ErrorFor(field) is { } fieldError)
        {
            _replyErrors[consult.Id] = fieldError;
        }
        catch (HttpRequestException exception)
        {
            _replyErrors[consult.Id] = $"{failure}: {Reason(exception)}";
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync(CancellationToken.None);
    }

    private static string Reason(HttpRequestException exception) => exception.StatusCode switch
    {
        HttpStatusCode.NotFound => "it does not exist or is not visible to you.",
        HttpStatusCode.Forbidden => "only members of the department asked work it.",
        _ => ApiProblemException.ReasonOf(exception),
    };

    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }
    }
}
