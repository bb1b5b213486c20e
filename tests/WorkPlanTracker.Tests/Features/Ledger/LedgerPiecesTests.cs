using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkPlanTracker.Data;
using WorkPlanTracker.Features.Ledger;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Features.Ledger;

public class LedgerPiecesTests(SeededDatabase db) : IClassFixture<SeededDatabase>
{
    [Theory]
    [InlineData("2024年宿州市政务公开重点工作任务分工方案", "2024年宿州市政务公开重点工作任务台账")]
    [InlineData("西市区2018年政务公开工作要点", "西市区2018年政务公开工作台账")]
    [InlineData("《某县2025年政务公开任务分解表》", "某县2025年政务公开任务台账")]
    [InlineData("湖北省人民防空办公室2020年度政务公开工作要点", "湖北省人民防空办公室2020年度政务公开工作台账")]
    public void A_ledger_is_named_after_its_plan(string plan, string ledger) => Assert.Equal(ledger, LedgerService.LedgerTitle(plan));

    [Theory]
    [InlineData("", 10, 1)]
    [InlineData("政务公开", 10, 1)]
    [InlineData("一二三四五六七八九十", 22, 1)]
    [InlineData("一二三四五六七八九十一二三四五六七八九十", 22, 2)]
    [InlineData("第一行\n第二行\n第三行", 22, 3)]
    public void Row_heights_come_from_the_lines_the_text_takes_in_its_column(string text, double width, int lines) =>
        Assert.Equal(lines, LedgerSheetLayout.LinesOf(text, width));

    [Fact]
    public void File_names_carry_title_and_date_without_characters_a_file_system_refuses() =>
        Assert.Equal("a_b_台账_2024-07-31.xlsx", LedgerFileNames.For("a/b:台账", new DateOnly(2024, 7, 31)));

    private BunitContext ContextAs(string user, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddSingleton(db.Get<LedgerService>());
        ctx.Services.AddSingleton(db.Get<IDbContextFactory<AppDbContext>>());
        ctx.AddAuthorization().SetAuthorized(user).SetRoles(role);
        return ctx;
    }

    [Fact]
    public async Task The_plan_page_button_gives_the_office_the_plan_ledger_and_a_unit_user_their_units_ledger()
    {
        await using var data = db.NewContext();
        var planId = await data.Plans.Select(p => p.Id).FirstAsync();
        var unit = await data.Units.FirstAsync();

        await using var officeContext = ContextAs("office", AppRoles.PlanningOffice);
        var office = new Actor("office", new HashSet<string> { AppRoles.PlanningOffice }, new HashSet<int>());
        var forOffice = officeContext.Render<PlanLedgerButtons>(p => p.Add(b => b.PlanId, planId).Add(b => b.Actor, office));
        Assert.Equal($"ledger/plans/{planId}.xlsx", forOffice.Find("#download-plan-ledger").GetAttribute("href"));
        Assert.NotNull(forOffice.Find("#download-plan-ledger").GetAttribute("download"));

        await using var unitContext = ContextAs("unit", AppRoles.UnitUser);
        var unitUser = new Actor("unit", new HashSet<string> { AppRoles.UnitUser }, new HashSet<int> { unit.Id });
        var forUnit = unitContext.Render<PlanLedgerButtons>(p => p.Add(b => b.PlanId, planId).Add(b => b.Actor, unitUser));
        forUnit.WaitForAssertion(() => Assert.Equal($"ledger/plans/{planId}/units/{unit.Id}.xlsx", forUnit.Find(".download-unit-ledger").GetAttribute("href")));
        Assert.Contains(unit.Name, forUnit.Find(".download-unit-ledger").TextContent, StringComparison.Ordinal);
        Assert.Empty(forUnit.FindAll("#download-plan-ledger"));
    }
}
