namespace WorkPlanTracker.Features.Accounts;

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    public string AdminUserName { get; set; } = "admin";

    /// <summary>The first administrator's password; when empty one is generated and printed once at first start.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Demo mode (<c>--demo</c>): one account per role on the sample data, listed on the login page.</summary>
    public bool Demo { get; set; }

    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
