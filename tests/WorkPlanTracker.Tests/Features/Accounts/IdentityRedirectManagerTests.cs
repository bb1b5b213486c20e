using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.Tests.Features.Accounts;

public class IdentityRedirectManagerTests
{
    private const string Base = "http://127.0.0.1:5080/";

    [Theory]
    [InlineData("/dashboard?year=2024", "/dashboard?year=2024")]
    [InlineData("dashboard/list?show=Tasks", "dashboard/list?show=Tasks")]
    [InlineData("http://127.0.0.1:5080/plans/3", "/plans/3")]
    [InlineData(null, "")]
    public void A_local_address_is_kept(string? returnUrl, string expected) =>
        Assert.Equal(expected, IdentityRedirectManager.LocalUrl(returnUrl, Base));

    [Theory]
    [InlineData("https://evil.example/login")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)//x")]
    [InlineData("http://127.0.0.1:5080.evil.example/")]
    [InlineData("/units\r\nSet-Cookie: x=1")]
    public void An_address_elsewhere_becomes_the_home_page(string returnUrl) =>
        Assert.Equal("", IdentityRedirectManager.LocalUrl(returnUrl, Base));
}
