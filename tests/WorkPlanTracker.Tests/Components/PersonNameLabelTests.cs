using Bunit;
using WorkPlanTracker.Components;
using WorkPlanTracker.Shared;

namespace WorkPlanTracker.Tests.Components;

public class PersonNameLabelTests
{
    [Fact]
    public async Task A_reader_sees_the_person_only()
    {
        await using var ctx = new BunitContext();

        var label = ctx.Render<PersonNameLabel>(p => p.Add(x => x.Person, new PersonName("张三（市数据资源局）", null)));

        Assert.Equal("张三（市数据资源局）", label.Find(".person-name").TextContent);
        Assert.Empty(label.FindAll(".login-name"));
    }

    [Fact]
    public async Task An_administrator_sees_the_login_name_on_screen_but_not_on_paper()
    {
        await using var ctx = new BunitContext();

        var label = ctx.Render<PersonNameLabel>(p => p.Add(x => x.Person, new PersonName("张三（市数据资源局）", "zsj_a")));

        Assert.Equal("张三（市数据资源局）", label.Find(".person-name").TextContent);
        var login = label.Find(".login-name");
        Assert.Contains("zsj_a", login.TextContent, StringComparison.Ordinal);
        Assert.Contains("d-print-none", login.ClassList);
    }
}
