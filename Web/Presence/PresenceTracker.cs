using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.Presence;

/// <summary>
/// Who is in the workspace and what they are looking at: one session per Blazor circuit, with the conversation it
/// shows and whether its user is typing a note there. Presence lives in this Web instance's memory only, so with
/// several Web instances each one knows its own circuits; nothing of it is stored or shared.
/// </summary>
/// <remarks>
/// A session whose connection went down stays for <see cref="DisconnectedGrace"/> (a reconnecting browser keeps its
/// place); a session nobody reported on (no circuit connection known) stays for <see cref="UnseenLimit"/> after its
/// last sign of life. <see cref="SweepAsync"/> enforces both and ends typing after <see cref="TypingFor"/>.
/// </remarks>
public sealed partial class PresenceTracker(TimeProvider time, ILogger<PresenceTracker> logger)
{
    public static readonly TimeSpan TypingFor = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan DisconnectedGrace = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan UnseenLimit = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>The staff members with a session that is not disconnected, each once, by name.</summary>
    public IReadOnlyList<PresentStaff> Online
    {
        get
        {
            lock (_gate)
            {
                return
                [
                    .. _sessions.Values
                        .Where(session => session.Connection != ConnectionState.Down)
                        .Select(session => session.Staff)
                        .DistinctBy(staff => staff.Id)
                        .OrderBy(staff => staff.DisplayName, StringComparer.CurrentCulture),
                ];
            }
        }
    }

    /// <summary>Who has <paramref name="conversationId"/> open, each staff member once (typing when any of their sessions is).</summary>
    public IReadOnlyList<ConversationViewer> Viewers(Guid conversationId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return
            [
                .. _sessions.Values
                    .Where(session => session.Viewing == conversationId)
                    .GroupBy(session => session.Staff.Id)
                    .Select(group => new ConversationViewer(group.First().Staff, group.Any(session => session.TypingUntil > now)))
                    .OrderBy(viewer => viewer.Staff.DisplayName, StringComparer.CurrentCulture),
            ];
        }
    }

    public IDisposable Subscribe(Func<Task> onChanged)
    {
        var subscription = new Subscription(this, onChanged);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Starts (or refreshes) session <paramref name="sessionId"/> for <paramref name="staff"/>.</summary>
    public Task JoinAsync(string sessionId, PresentStaff staff, Guid? viewing = null) => ChangeAsync(() =>
    {
        var now = time.GetUtcNow();
        if (_sessions.TryGetValue(sessionId, out var session))
        {
            session.LastSeenAt = now;
            return false;
        }

        _sessions[sessionId] = new Session(staff) { LastSeenAt = now, Viewing = viewing };
        return true;
    });

    public Task ConnectionUpAsync(string sessionId) => Update(sessionId, (session, now) =>
    {
        var changed = session.Connection == ConnectionState.Down;
        session.Connection = ConnectionState.Up;
        session.DownSince = null;
        return changed;
    });

    public Task ConnectionDownAsync(string sessionId) => Update(sessionId, (session, now) =>
    {
        if (session.Connection == ConnectionState.Down)
        {
            return false;
        }

        session.Connection = ConnectionState.Down;
        session.DownSince = now;
        return true;
    });

    public Task LeaveAsync(string sessionId) => ChangeAsync(() => _sessions.Remove(sessionId));

    /// <summary>The session shows <paramref name="conversationId"/> now (or no conversation when null).</summary>
    public Task ViewAsync(string sessionId, Guid? conversationId) => Update(sessionId, (session, now) =>
    {
        if (session.Viewing == conversationId)
        {
            return false;
        }

        session.Viewing = conversationId;
        session.TypingUntil = null;
        return true;
    });

    /// <summary>A keystroke in the session's note composer: it counts as typing for <see cref="TypingFor"/>.</summary>
    public Task TypingAsync(string sessionId) => Update(sessionId, (session, now) =>
    {
        var wasTyping = session.TypingUntil > now;
        session.TypingUntil = now + TypingFor;
        return !wasTyping && session.Viewing is not null;
    });

    /// <summary>Ends typing that went quiet and removes sessions that are gone (see the class remarks).</summary>
    public Task SweepAsync() => ChangeAsync(() =>
    {
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var (id, session) in _sessions.ToList())
        {
            var gone = session.Connection switch
            {
                ConnectionState.Down => now - session.DownSince >= DisconnectedGrace,
                ConnectionState.Up => false,
                _ => now - session.LastSeenAt >= UnseenLimit,
            };
            if (gone)
            {
                _sessions.Remove(id);
                changed = true;
            }
            else if (session.TypingUntil is { } until && until <= now)
            {
                session.TypingUntil = null;
                changed = session.Viewing is not null || changed;
            }
        }

        return changed;
    });

    private Task Update(string sessionId, Func<Session, DateTimeOffset, bool> change) => ChangeAsync(() =>
    {
        if (!_sessions.TryGetValue(sessionId, out var session))
        {
            return false;
        }

        var now = time.GetUtcNow();
        session.LastSeenAt = now;
        return change(session, now);
    });

    private async Task ChangeAsync(Func<bool> change)
    {
        Subscription[] subscribers;
        lock (_gate)
        {
            if (!change())
            {
                return;
            }

            subscribers = [.. _subscriptions];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.OnChanged();
            }
            catch (Exception exception)
            {
                // One closed page must not keep the others from hearing of the change.
                LogSubscriberFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A presence subscriber failed to handle a change")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private enum ConnectionState
    {
        Unknown,
        Up,
        Down,
    }

    private sealed class Session(PresentStaff staff)
    {
        public PresentStaff Staff { get; } = staff;

        public ConnectionState Connection { get; set; }

        public DateTimeOffset? DownSince { get; set; }

        public DateTimeOffset LastSeenAt { get; set; }

        public Guid? Viewing { get; set; }

        public DateTimeOffset? TypingUntil { get; set; }
    }

    private sealed class Subscription(PresenceTracker tracker, Func<Task> onChanged) : IDisposable
    {
        public Func<Task> OnChanged { get; } = onChanged;

        public void Dispose()
        {
            lock (tracker._gate)
            {
                tracker._subscriptions.Remove(this);
            }
        }
    }
}

/// <summary>A staff member as presence shows them.</summary>
public sealed record PresentStaff(Guid Id, string DisplayName, IReadOnlyList<string> Departments)
{
    /// <summary>Up to two initials for an avatar ("Alex Agent" → "AA").</summary>
    public string Initials => DisplayText.Initials(DisplayName);

    public string Department => string.Join(", ", Departments);
}

/// <summary>Someone who has a conversation open, and whether they are writing a note in it.</summary>
public sealed record ConversationViewer(PresentStaff Staff, bool Typing);
