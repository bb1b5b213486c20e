using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.Tests.Features.Accounts;

public sealed class AccountSessionsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task A_stamp_read_just_before_an_administrators_change_is_not_kept_after_it()
    {
        var userId = Guid.NewGuid().ToString("N");
        await using (var db = database.NewContext())
        {
            db.Users.Add(new AppUser { Id = userId, UserName = userId, NormalizedUserName = userId.ToUpperInvariant(), SecurityStamp = "old" });
            await db.SaveChangesAsync();
        }

        var reader = new PausingStampReader();
        await using var services = new ServiceCollection()
            .AddDbContextFactory<AppDbContext>(o => o.UseAppSqlite($"Data Source={Path.Combine(database.DataDirectory, "workplantracker.db")}").AddInterceptors(reader))
            .BuildServiceProvider();
        var identity = new IdentityOptions();
        var sessions = new AccountSessions(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(identity), TimeProvider.System);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(identity.ClaimsIdentity.SecurityStampClaimType, "old")], "test"));

        // A page's check reads the old stamp; before it files it, the administrator disables the account.
        var check = sessions.IsCurrentAsync(user);
        await reader.Reading.Task;
        await using (var db = database.NewContext())
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "new"));
        }

        sessions.Changed(userId);
        reader.Release.SetResult();
        Assert.True(await check);

        // The next check must not trust what that read filed: the session is over at once, not when a cache expires.
        Assert.False(await sessions.IsCurrentAsync(user));
    }

    /// <summary>Holds the first security-stamp query after its row was read, until the test lets it go on.</summary>
    private sealed class PausingStampReader : DbCommandInterceptor
    {
        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (command.CommandText.Contains("SecurityStamp", StringComparison.Ordinal) && Reading.TrySetResult())
            {
                await Release.Task;
            }

            return result;
        }
    }
}
