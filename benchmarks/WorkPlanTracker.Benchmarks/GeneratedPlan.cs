using System.Text;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// A realistic 工作要点 of any size, for the parser benchmarks: a title and preamble, sections 一、二、…, subsections
/// (一)(二)…, numbered tasks with unit notes in the shapes real plans use, deadlines in notes and inside the text.
/// Deterministic: the same size always gives the same text.
/// </summary>
public static class GeneratedPlan
{
    private const int TasksPerSubsection = 6;
    private const int SubsectionsPerSection = 8;

    private static readonly string[] Units =
    [
        "市发展改革委", "市财政局", "市教育局", "市人力资源社会保障局", "市住房城乡建设局", "市卫生健康委", "市生态环境局",
        "市数据资源局", "市市场监管局", "市自然资源和规划局", "市政府办公室", "市司法局", "市应急管理局", "市交通运输局",
    ];

    private static readonly string[] Topics =
    [
        "权力配置信息公开", "财政预决算公开", "重大建设项目信息公开", "公共资源配置信息公开", "政策解读和回应关切",
        "政府网站和政务新媒体管理", "政府信息公开申请办理", "基层政务公开标准化规范化", "优化营商环境信息公开", "民生领域信息公开",
    ];

    private static readonly string[] Bodies =
    [
        "全面梳理本机关的行政权力和公共服务职责,厘清权责边界,实行清单管理,及时更新完善并按要求公开。",
        "按照“谁起草、谁解读”的原则,做好政策文件与解读方案、解读材料同步组织、同步审签、同步部署。",
        "围绕保障性安居工程建设、国有土地使用权出让、政府采购等领域,及时公开相关信息,主动接受社会监督。",
        "严格落实政府网站与政务新媒体检查评估制度,每季度开展一次抽查,抽查结果及时向社会公开。",
        "依法依规做好政府信息公开申请办理工作,规范答复格式,提高答复质量,降低行政复议纠错率。",
    ];

    /// <summary>The most tasks a plan can have while its sections are numbered 一 … 九十九.</summary>
    public const int MaxTasks = 99 * SubsectionsPerSection * TasksPerSubsection;

    /// <summary>The text of a plan with <paramref name="tasks"/> numbered tasks.</summary>
    public static string Create(int tasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tasks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tasks, MaxTasks);
        var sb = new StringBuilder(tasks * 220);
        sb.Append("某某市人民政府办公室关于印发某某市2024年政务公开工作要点的通知\n");
        sb.Append("某政办函〔2024〕18号\n");
        sb.Append("各县(市、区)人民政府,市政府各部门:\n");
        sb.Append("《某某市2024年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。\n");
        sb.Append("某某市人民政府办公室\n2024年3月15日\n");
        sb.Append("某某市2024年政务公开工作要点\n");
        sb.Append("2024年,全市政务公开工作要坚持以人民为中心的发展思想,持续深化政务公开,为推动高质量发展提供有力保障。\n");

        var task = 0;
        for (var section = 1; task < tasks; section++)
        {
            sb.Append(ChineseNumber(section)).Append('、').Append("围绕").Append(Topics[section % Topics.Length]).Append("加强公开\n");
            for (var sub = 1; sub <= SubsectionsPerSection && task < tasks; sub++)
            {
                sb.Append('(').Append(ChineseNumber(sub)).Append(')').Append("加强").Append(Topics[(section + sub) % Topics.Length]).Append("。\n");
                for (var item = 1; item <= TasksPerSubsection && task < tasks; item++, task++)
                {
                    AppendTask(sb, task, item);
                }
            }
        }

        sb.Append("各地各部门要对照本要点,细化任务分工,明确时间节点,确保各项任务落到实处。\n");
        return sb.ToString();
    }

    private static void AppendTask(StringBuilder sb, int task, int item)
    {
        var month = task % 12 + 1;
        var lead = Units[task % Units.Length];
        var other = Units[(task * 5 + 3) % Units.Length];
        var third = Units[(task * 3 + 7) % Units.Length];
        sb.Append(item).Append('.').Append("推进").Append(Topics[task % Topics.Length]).Append("工作。").Append(Bodies[task % Bodies.Length]);

        // Some tasks name dated steps inside their text.
        if (task % 4 == 1)
        {
            sb.Append("2024年").Append(Math.Min(month, 11)).Append("月底前完成梳理汇总,12月底前向社会公开。");
        }

        switch (task % 5)
        {
            case 0:
                sb.Append("(牵头单位:").Append(lead).Append(";责任单位:").Append(other).Append('、').Append(third)
                  .Append(",各县(市、区)政府;完成时限:2024年").Append(month).Append("月底前)");
                break;
            case 1:
                sb.Append('(').Append(lead).Append("牵头,").Append(other).Append('、').Append(third).Append("等配合)");
                break;
            case 2:
                sb.Append('(').Append(lead).Append("牵头,市政府各部门负责落实;持续推进)");
                break;
            case 3:
                sb.Append("(牵头单位:").Append(lead).Append(";完成时限:持续推进)");
                break;
            default:
                sb.Append('(').Append(lead).Append("负责,完成时限:2024年").Append(month).Append("月底前)");
                break;
        }

        sb.Append('\n');
    }

    /// <summary>一 … 九十九, as section numbers are written (十一, 二十, 二十三).</summary>
    private static string ChineseNumber(int n)
    {
        const string Digits = "零一二三四五六七八九";
        if (n < 10)
        {
            return Digits[n].ToString();
        }

        var tens = n / 10;
        var ones = n % 10;
        var head = tens == 1 ? "十" : $"{Digits[tens]}十";
        return ones == 0 ? head : head + Digits[ones];
    }
}
