using WorkPlanTracker.Features.Accounts;
using WorkPlanTracker.Features.Ledger;

namespace WorkPlanTracker.IntegrationTests.Features.Ledger;

/// <summary>
/// The pages as the real app renders them for each user: the office and leaders find the buttons for a unit's 台账,
/// its 进展填报表 and a year's 工作台账 on the unit page, the units list and the plan list; a unit user finds only their own.
/// </summary>
public class LedgerButtonsTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private async Task<string> PageAsync(string user, string url)
    {
        var client = await fixture.App.SignedInClientAsync(user, DemoAccounts.Password);
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private string UnitLedger(int unit) => $"href=\"{LedgerEndpoints.UnitUrl(unit)}\"";

    private string UnitLedgerOfYear(int unit) => $"href=\"{LedgerEndpoints.UnitUrl(unit, 2035)}\"";

    private static string FillIn(int unit) => $"href=\"{LedgerEndpoints.FillInUrl(unit)}\"";

    private static string YearLedger => $"href=\"{LedgerEndpoints.YearUrl(2035)}\"";

    [Fact]
    public async Task The_office_finds_every_units_ledger_and_fill_in_workbook_and_the_years_ledger()
    {
        var units = await PageAsync("office", "/units");
        Assert.Contains(UnitLedger(fixture.DataUnit), units, StringComparison.Ordinal);
        Assert.Contains(UnitLedger(fixture.OtherUnit), units, StringComparison.Ordinal);
        Assert.Contains(FillIn(fixture.OtherUnit), units, StringComparison.Ordinal);

        var unitPage = await PageAsync("office", $"/dashboard/units/{fixture.OtherUnit}?year=2035");
        Assert.Contains(UnitLedgerOfYear(fixture.OtherUnit), unitPage, StringComparison.Ordinal);
        Assert.Contains(FillIn(fixture.OtherUnit), unitPage, StringComparison.Ordinal);

        Assert.Contains(YearLedger, await PageAsync("office", "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaders_find_the_ledgers_but_no_fill_in_workbook()
    {
        var units = await PageAsync("leader", "/units");
        Assert.Contains(UnitLedger(fixture.OtherUnit), units, StringComparison.Ordinal);
        Assert.DoesNotContain("fill-in.xlsx", units, StringComparison.Ordinal);

        var unitPage = await PageAsync("leader", $"/dashboard/units/{fixture.OtherUnit}?year=2035");
        Assert.Contains(UnitLedgerOfYear(fixture.OtherUnit), unitPage, StringComparison.Ordinal);
        Assert.DoesNotContain("fill-in.xlsx", unitPage, StringComparison.Ordinal);

        Assert.Contains(YearLedger, await PageAsync("leader", "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_user_finds_only_their_own_units_buttons_and_no_years_ledger()
    {
        var units = await PageAsync("unit", "/units");
        Assert.Contains(UnitLedger(fixture.DataUnit), units, StringComparison.Ordinal);
        Assert.Contains(FillIn(fixture.DataUnit), units, StringComparison.Ordinal);
        Assert.DoesNotContain(UnitLedger(fixture.OtherUnit), units, StringComparison.Ordinal);
        Assert.DoesNotContain(FillIn(fixture.OtherUnit), units, StringComparison.Ordinal);

        Assert.DoesNotContain("ledger/years/", await PageAsync("unit", "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_years_ledger_behind_the_button_is_served_to_the_office_and_refused_to_a_unit_user()
    {
        var office = await fixture.App.SignedInClientAsync("office", DemoAccounts.Password);
        var response = await office.GetAsync("/" + LedgerEndpoints.YearUrl(2035));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var workbook = LedgerFixture.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(LedgerFixture.LedgerTitle, workbook.Worksheet(LedgerWorkbookWriter.PlanSheetName).Cell("A1").GetString());

        var unit = await fixture.App.SignedInClientAsync("unit", DemoAccounts.Password);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await unit.GetAsync("/" + LedgerEndpoints.YearUrl(2035))).StatusCode);
    }
}
