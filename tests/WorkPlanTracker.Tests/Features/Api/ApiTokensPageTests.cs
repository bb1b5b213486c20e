using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Api;

namespace WorkPlanTracker.Tests.Features.Api;

/// <summary>The token page: the secret shown once, a nameless token refused, revoking only after confirmation.</summary>
public class ApiTokensPageTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    private async Task<(BunitContext Context, string UserId)> NewContextAsync()
    {
        var owner = new AppUser { UserName = "token-owner-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "令牌测试" };
        await using (var data = db.NewContext())
        {
            data.Users.Add(owner);
            await data.SaveChangesAsync();
        }

        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(new ApiTokenService(db.Get<IDbContextFactory<AppDbContext>>(), db.Clock, Options.Create(new ApiOptions())));
        ctx.AddAuthorization().SetAuthorized(owner.UserName).SetClaims(new Claim(ClaimTypes.NameIdentifier, owner.Id));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return (ctx, owner.Id);
    }

    [Fact]
    public async Task A_token_is_shown_once_listed_and_revoked_only_after_confirming()
    {
        var (ctx, userId) = await NewContextAsync();
        await using var _ = ctx;
        var view = ctx.Render<ApiTokensPage>();
        view.WaitForAssertion(() => Assert.Contains("还没有接口令牌", view.Markup, StringComparison.Ordinal));

        view.Find("#token-name").Change("OA 系统");
        view.Find("form").Submit();

        view.WaitForAssertion(() => Assert.StartsWith(ApiTokenService.SecretPrefix, view.Find("#new-token-secret").GetAttribute("value"), StringComparison.Ordinal));
        var secret = view.Find("#new-token-secret").GetAttribute("value")!;
        Assert.Contains("OA 系统", view.Find("table.api-tokens").TextContent, StringComparison.Ordinal);
        await using (var data = db.NewContext())
        {
            Assert.Equal(ApiTokenService.HashOf(secret), (await data.ApiTokens.SingleAsync(t => t.OwnerUserId == userId)).TokenHash);
        }

        view.Find(".revoke-token").Click();
        Assert.Contains("不能恢复", view.Find("[role=alertdialog]").TextContent, StringComparison.Ordinal);
        await using (var data = db.NewContext())
        {
            Assert.Null((await data.ApiTokens.SingleAsync(t => t.OwnerUserId == userId)).RevokedAtUtc);
        }

        view.Find(".confirm-revoke").Click();

        view.WaitForAssertion(() => Assert.Contains("已撤销", view.Find("table.api-tokens").TextContent, StringComparison.Ordinal));
        Assert.Empty(view.FindAll(".revoke-token"));
        await using (var data = db.NewContext())
        {
            Assert.NotNull((await data.ApiTokens.SingleAsync(t => t.OwnerUserId == userId)).RevokedAtUtc);
        }
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_and_nothing_is_made()
    {
        var (ctx, userId) = await NewContextAsync();
        await using var _ = ctx;
        var view = ctx.Render<ApiTokensPage>();

        view.Find("form").Submit();

        view.WaitForAssertion(() => Assert.Contains("请填写令牌名称", view.Find(".api-token-message").TextContent, StringComparison.Ordinal));
        Assert.Empty(view.FindAll("#new-token-secret"));
        await using var data = db.NewContext();
        Assert.False(await data.ApiTokens.AnyAsync(t => t.OwnerUserId == userId));
    }
}
