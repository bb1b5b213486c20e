using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using WorkPlanTracker.Data;

namespace WorkPlanTracker.Features.Accounts;

/// <summary>
/// Refuses the passwords attackers try first: the 10,000 most common ones (shipped with the app, see
/// CommonPasswords.NOTICE.txt), also with digits or symbols added at the end (<c>password2024!</c>).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Code = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "")
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "这个密码太常见，很容易被猜中，请换一个" })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,;:?~`'\"/\\|[]{}<> ".ToCharArray());
        return Common.Value.Contains(lower) || (stem.Length > 0 && Common.Value.Contains(stem))
            || (LeadingDigitsRemoved(lower) is { } name && Common.Value.Contains(name));
    }

    // "admin12345678" and the like: a common word padded to length with digits in front.
    private static string? LeadingDigitsRemoved(string lower)
    {
        var start = lower.TrimStart("0123456789".ToCharArray());
        return start.Length > 0 && start.Length < lower.Length ? start : null;
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("WorkPlanTracker.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
