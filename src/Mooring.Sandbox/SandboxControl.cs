using Mooring.Sandbox.Faults;
using Mooring.Sandbox.Hosting;
using Mooring.Sandbox.OAuth;

namespace Mooring.Sandbox;

/// <summary>
/// Steers a running sandbox from a test: register OAuth clients, issue or revoke tokens, make consent deny,
/// inject faults, and move the data on. Everything here is also reachable over HTTP under <c>/_sandbox</c>.
/// </summary>
public sealed class SandboxControl
{
    private readonly SandboxState _state;

    internal SandboxControl(SandboxState state) => _state = state;

    /// <summary>Gets the options the sandbox reads on every request; change them to change its behaviour mid-test.</summary>
    public SandboxOptions Options => _state.Options;

    /// <summary>Gets the faults that fired so far, in order.</summary>
    public IReadOnlyList<FaultLogEntry> FaultLog => _state.Faults.Log();

    /// <summary>Registers (or replaces) an OAuth client with one provider.</summary>
    /// <param name="provider">One of <see cref="SandboxProvider"/>.</param>
    /// <param name="clientId">The client identifier.</param>
    /// <param name="clientSecret">The secret, or <see langword="null"/> for a public client (PKCE required).</param>
    /// <param name="redirectUris">The redirect URIs accepted by exact match; none accepts any.</param>
    public void RegisterClient(string provider, string clientId, string? clientSecret, params string[] redirectUris)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(clientId);
        _state.OAuth.Clients.Register(new OAuthClient(provider, clientId, clientSecret, redirectUris));
    }

    /// <summary>Issues an access and a refresh token for the default client, as if a user had just consented.</summary>
    /// <param name="provider">One of <see cref="SandboxProvider"/>.</param>
    /// <param name="scope">The granted scopes, space separated.</param>
    /// <param name="user">The user, or <see langword="null"/> for the provider's default user.</param>
    /// <returns>The tokens.</returns>
    public SandboxToken IssueToken(string provider, string scope = "", string? user = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var defaultUser = provider switch
        {
            SandboxProvider.Slack => Slack.SlackWorkspace.DefaultUser,
            SandboxProvider.Google => Google.GoogleAccount.Email,
            SandboxProvider.GitHub => GitHub.GitHubInstance.DefaultUser,
            _ => "sandbox-user",
        };
        var grant = _state.Tokens.CreateGrant(provider, _state.Options.DefaultClientId, scope, user ?? defaultUser);
        return new SandboxToken(_state.Tokens.Issue(grant, TokenKind.Access).Value, _state.Tokens.Issue(grant, TokenKind.Refresh).Value);
    }

    /// <summary>Revokes the grant a token belongs to, as when the user disconnects the app at the provider.</summary>
    /// <returns><see langword="true"/> when the token was known.</returns>
    public bool RevokeGrant(string provider, string token) => _state.Tokens.RevokeGrantOf(provider, token);

    /// <summary>Makes the automatic consent step of one provider deny (redirect with <c>error=access_denied</c>) or allow again.</summary>
    public void DenyConsent(string provider, bool deny = true) => _state.OAuth.SetDenyConsent(provider, deny);

    /// <summary>Adds a fault rule; returns its identifier (which the fault log names).</summary>
    public int AddFault(FaultRule rule) => _state.Faults.Add(rule);

    /// <summary>Removes one fault rule.</summary>
    /// <returns><see langword="true"/> when it existed.</returns>
    public bool RemoveFault(int id) => _state.Faults.Remove(id);

    /// <summary>Removes every fault rule.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>
    /// Applies <paramref name="changes"/> creates, updates and deletes to every emulated model, picked from the seed,
    /// stamped with the sandbox clock: the moving target a sync has to follow.
    /// </summary>
    public void AdvanceData(int changes)
    {
        var now = _state.Options.TimeProvider.GetUtcNow();
        foreach (var store in _state.AllStores())
        {
            store.Mutate(changes, now);
        }
    }

    /// <summary>
    /// Creates an event in a Google calendar, stamped with the sandbox clock, as a user would in Google Calendar: the
    /// calendar's push channels each queue an <c>exists</c> notification.
    /// </summary>
    /// <param name="calendarId">The calendar, <c>primary</c> for the user's own.</param>
    /// <returns>The event's id.</returns>
    public string CreateCalendarEvent(string calendarId = "primary")
    {
        var store = _state.Google.Calendar(calendarId);
        return Google.CalendarJson.Id(store, store.Create(_state.Options.TimeProvider.GetUtcNow()));
    }

    /// <summary>
    /// Gets the Stripe account's events so far (API writes and <see cref="AdvanceData"/> changes), oldest first, as
    /// webhook messages ready for <see cref="Webhooks.SandboxWebhookSender"/>: the body is the event object as Stripe sends it.
    /// </summary>
    /// <returns>The messages.</returns>
    public IReadOnlyList<Webhooks.WebhookMessage> StripeEvents() => _state.Stripe.Feed.From(0);

    /// <summary>Forgets every change log, so all sync tokens and history ids handed out so far are too old (410 / 404).</summary>
    public void ExpireSyncTokens()
    {
        foreach (var store in _state.AllStores())
        {
            store.ExpireCursors();
        }
    }
}
