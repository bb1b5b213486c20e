namespace WorkPlanTracker.Load;

/// <summary>One prepared unit user: its sign-in, the open assignment it reports on and its own API token.</summary>
public sealed record LoadUser(string UserName, string Password, int AssignmentId, string Token);
