using WorkPlanTracker.Features.Accounts;

namespace WorkPlanTracker.Tests.Features.Accounts;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("password1")]
    [InlineData("Password2024!")]
    [InlineData("qwerty123456")]
    [InlineData("123456admin")]
    [InlineData("ILOVEYOU")]
    public void Common_passwords_and_their_padded_forms_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData(DemoAccounts.Password)]
    [InlineData("Wp3f9a0c11be7d42")]
    [InlineData("督办台-2024-春季")]
    public void Uncommon_passwords_pass(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));
}
