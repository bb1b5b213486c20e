using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Tests.Features.Import;

/// <summary>Unnumbered "---" bullets, attachment lists after 附件：, and the items under a preamble heading.</summary>
public sealed class BulletAndAppendixTests
{
    private static readonly PlanTextParser Parser = new();

    private static readonly string Padding = string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，", 20));

    private static ParsedPlan ParseOneLine(string body) => Parser.Parse("2015年权力运行网上公开工作方案 " + Padding + "。 " + body);

    [Fact]
    public void Dash_bullets_in_running_text_are_tasks_under_their_phase_each_with_its_own_deadline()
    {
        var plan = ParseOneLine(
            "一、工作任务（一）推行网上公开1.准备阶段（2015年4月-6月）该阶段是整体工作的关键环节。"
            + "---确定权力清单（4月底前）。对8个区直单位的全部行政权力进行清理（示例见附件2、附件3）"
            + "---优化运行流程（5月底前）。全面优化单位内部工作流程。2.建设实施阶段（2015年7月-12月）该阶段重在对接。"
            + "---试运行（11月底前）对各平台进行调试。---正式运行（12月底前）进入正式运转。二、职责分工由区数字办负责。");

        Assert.Equal(["一.(一).1.-1", "一.(一).1.-2", "一.(一).2.-1", "一.(一).2.-2"], plan.Tasks.Select(t => t.Path));
        Assert.Equal(
            [new DateOnly(2015, 4, 30), new DateOnly(2015, 5, 31), new DateOnly(2015, 11, 30), new DateOnly(2015, 12, 31)],
            plan.Tasks.Take(4).Select(t => t.Deadline!.Value));
        Assert.DoesNotContain(plan.Warnings, w => w.Message.Contains("编号", StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_of_attached_files_after_fu_jian_is_not_a_list_of_tasks()
    {
        var plan = ParseOneLine(
            "一、工作任务1.梳理公开事项目录。2.编制权力运行流程图。二、职责分工区数字办负责技术指导。"
            + "附件：1.权力运行流程图示例2.监察规则制定参考3.平台总体应用示意图 来源：中国平潭");

        Assert.DoesNotContain(plan.Tasks, t => t.Text.StartsWith("权力运行流程图示例", StringComparison.Ordinal));
        Assert.Equal(["一.1", "一.2"], plan.Tasks.Select(t => t.Path));
    }

    [Fact]
    public void Items_under_a_preamble_heading_are_preamble_too_and_a_second_document_numbering_from_yi_again_is_not()
    {
        var plan = Parser.Parse(
            "2022年乡村治理清单制实施方案\n一、总体要求\n（一）指导思想。以新时代思想为指导。\n（二）基本原则\n--坚持党建引领。加强领导。\n--坚持依法依规。依法编制。\n"
            + "二、主要任务\n（一）科学编制清单内容。2022年底前完成。\n"
            + "附件 任务分解表\n一、深化公开\n1.公开权力清单。(区行政审批局牵头)\n2.公开责任清单。");

        Assert.Equal(["二.(一)", "一.1", "一.2"], plan.Tasks.Select(t => t.Path));
    }
}
