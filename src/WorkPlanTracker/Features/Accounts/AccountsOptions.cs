namespace WorkPlanTracker.Features.Accounts;

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    public string AdminUserName { get; set; } = "admin";

    /// <summary>The first administrator's password; when empty one is generated and printed once at first start.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Demo mode (<c>--demo</c>): one account per role on the sample data, listed on the login page.</summary>
    public bool Demo { get; set; }

    /// <summary>Wrong passwords for one user name from one address before that address must wait.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>Wrong passwords from one address, whatever the names, before that address must wait.</summary>
    public int MaxFailedLoginsPerSource { get; set; } = 20;

    /// <summary>How long an address that guessed too often must wait.</summary>
    public int LockoutMinutes { get; set; } = 15;
}
