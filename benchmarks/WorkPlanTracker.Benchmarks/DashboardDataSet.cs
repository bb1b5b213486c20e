using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WorkPlanTracker.Data;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Benchmarks;

/// <summary>
/// A generated history of tracked work for the dashboards: <see cref="Years"/> years up to the year of
/// <see cref="AsOfUtc"/>, each with <see cref="PlansPerYear"/> published plans of <see cref="TasksPerPlan"/> tasks,
/// given to units out of <see cref="Units"/> (one lead and a varying share of the rest, as plans naming
/// 各县(市、区)政府 fan out), with monthly reports (每月5日前) until the assignment closes or the year ends.
/// Everything is walked through the domain's own workflow methods, so statuses, due dates and closing dates obey
/// the rules; nothing happens after <see cref="AsOfUtc"/>. Inserted one plan per SaveChanges with change detection
/// off. The same seed gives the same data. Used by the dashboard benchmarks and, small, by the tests.
/// </summary>
public sealed class DashboardDataSet
{
    public int Years { get; init; } = 10;
    public int PlansPerYear { get; init; } = 3;
    public int TasksPerPlan { get; init; } = 100;
    public int Units { get; init; } = 80;

    /// <summary>Average share of the other units given each task as supporting units.</summary>
    public double SupportingShare { get; init; } = 0.6;

    /// <summary>The source document kept on a plan of so many tasks, as an import keeps it (the ledger benchmarks); none when null.</summary>
    public Func<int, string>? SourceDocument { get; init; }

    public DateTime AsOfUtc { get; init; } = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);
    public int Seed { get; init; } = 20_261_123;

    /// <summary>Fills <paramref name="db"/> (migrated, may already hold other data) and says how much it wrote.</summary>
    public async Task<DataSetSize> FillAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var watch = Stopwatch.StartNew();
        var random = new Random(Seed);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var units = await UnitsAsync(db, cancellationToken);
        var asOf = WorkCalendar.DateOf(AsOfUtc);
        var size = new DataSetSize();
        // 督办单 numbers go on from those already issued (a test app may have issued some before the data set arrives).
        var notices = await db.EscalationNotices.GroupBy(n => n.Year)
            .Select(g => new { Year = g.Key, Last = g.Max(n => n.Sequence) })
            .ToDictionaryAsync(g => g.Year, g => g.Last, cancellationToken);
        var lastYear = asOf.Year;
        for (var year = lastYear - Years + 1; year <= lastYear; year++)
        {
            for (var p = 0; p < PlansPerYear; p++)
            {
                var plan = NewPlan(year, p, random, units, notices, size);
                db.Plans.Add(plan);
                db.EscalationNotices.AddRange(Escalations);
                await db.SaveChangesAsync(cancellationToken);
                Escalations.Clear();
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        size.Elapsed = watch.Elapsed;
        return size;
    }

    private async Task<List<int>> UnitsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, Units).Select(UnitName).ToList();
        var existing = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        var added = names.Where(n => !existing.ContainsKey(n))
            .Select(n => new OrgUnit { Name = n, Kind = n.EndsWith("政府", StringComparison.Ordinal) ? OrgUnitKind.Government : OrgUnitKind.Department })
            .ToList();
        db.Units.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var ids = await db.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, u => u.Id, cancellationToken);
        return names.Select(n => ids[n]).ToList();
    }

    private static readonly string[] Departments =
    [
        "市发展改革委", "市教育局", "市科技局", "市工业和信息化局", "市公安局", "市民政局", "市司法局", "市财政局", "市人力资源社会保障局",
        "市自然资源和规划局", "市生态环境局", "市住房城乡建设局", "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文化和旅游局",
        "市卫生健康委", "市退役军人事务局", "市应急管理局", "市审计局", "市市场监管局", "市统计局", "市医保局", "市林业局", "市城市管理局",
        "市政务服务管理局", "市数据资源局", "市信访局", "市国资委", "市税务局", "市地方金融监管局", "市粮食和储备局", "市体育局", "市人防办",
        "市机关事务管理局", "市住房公积金中心", "市档案馆", "市地震局", "市气象局",
    ];

    private static readonly string[] Places = ["东城", "西城", "南湖", "北山", "青溪", "白沙", "龙泉", "凤鸣", "长宁", "安平", "永和", "清河", "临江", "望海", "松岭", "桃源", "金川", "玉田", "石门", "柳塘"];

    /// <summary>Departments first, then 县/区 governments; numbered past the named ones so any count works.</summary>
    public static string UnitName(int index)
    {
        if (index < Departments.Length)
        {
            return Departments[index];
        }

        var place = index - Departments.Length;
        var name = Places[place % Places.Length] + (place / Places.Length % 2 == 0 ? "区人民政府" : "县人民政府");
        return place < 2 * Places.Length ? name : $"{name}{(place / (2 * Places.Length)) + 1}";
    }

    private static readonly string[] PlanKinds = ["政务公开工作要点", "重点工作任务分工方案", "数字政府建设任务分解表"];
    private static readonly string[] SectionTitles = ["深化重点领域信息公开", "提升政策解读回应质效", "优化政务服务公开", "加强公开平台建设", "强化工作保障"];
    private static readonly string[] Verbs = ["推进", "深化", "完善", "加强", "规范", "优化", "健全", "落实"];
    private static readonly string[] Objects = ["财政预决算公开", "重大建设项目信息公开", "政策文件解读", "办事指南标准化", "政府网站集约化", "依申请公开办理", "基层政务公开标准化", "政务新媒体管理", "12345热线回应", "行政执法公示"];

    private WorkPlan NewPlan(int year, int index, Random random, List<int> units, Dictionary<int, int> notices, DataSetSize size)
    {
        var issued = new DateOnly(year, 2 + index, 10 + index);
        var plan = new WorkPlan
        {
            Year = year,
            Title = $"{year}年{PlanKinds[index % PlanKinds.Length]}",
            Issuer = "市人民政府办公室",
            DocumentNumber = $"政办发〔{year}〕{index + 3}号",
            IssuedOn = issued,
            ImportedAtUtc = Utc(issued),
            Source = new PlanSource { Text = SourceDocument?.Invoke(TasksPerPlan) ?? "" },
            ReportingCycle = ReportingCycle.Monthly(5),
        };
        plan.Publish();
        var sections = SectionTitles.Select((title, i) => new PlanSection { Plan = plan, Path = Chinese(i + 1), Title = title, SortOrder = i }).ToList();
        plan.Sections.AddRange(sections);
        size.Plans++;
        for (var t = 0; t < TasksPerPlan; t++)
        {
            var section = sections[t * sections.Count / TasksPerPlan];
            var ongoing = random.NextDouble() < 0.12;
            var dueMonth = random.Next(Math.Min(issued.Month + 2, 12), 13);
            var task = new WorkTask
            {
                Plan = plan,
                Section = section,
                Path = $"{section.Path}.{t + 1}",
                Title = $"{Verbs[random.Next(Verbs.Length)]}{Objects[random.Next(Objects.Length)]}",
                Text = "按照上级部署要求，细化工作措施，按时报送进展。",
                SortOrder = t,
            };
            task.SetDeadlineAsWritten(ongoing ? null : new DateOnly(year, dueMonth, DateTime.DaysInMonth(year, dueMonth)), ongoing ? "持续推进" : $"{dueMonth}月底前", ongoing);
            plan.Tasks.Add(task);
            size.Tasks++;
            var lead = random.Next(units.Count);
            var share = SupportingShare * 2 * random.NextDouble();
            for (var u = 0; u < units.Count; u++)
            {
                if (u != lead && random.NextDouble() >= share)
                {
                    continue;
                }

                var assignment = TaskAssignment.Create(task, units[u], u == lead ? AssignmentRole.Lead : AssignmentRole.Supporting, Utc(issued.AddDays(3)));
                assignment.WorkTask = task;
                task.Assignments.Add(assignment);
                size.Assignments++;
                Walk(assignment, task, issued, random, notices, size);
            }
        }

        return plan;
    }

    /// <summary>The life of one assignment up to <see cref="AsOfUtc"/>: monthly reports, a few returns, closing early, on time or late, or not at all.</summary>
    private void Walk(TaskAssignment a, WorkTask task, DateOnly issued, Random random, Dictionary<int, int> notices, DataSetSize size)
    {
        var asOf = WorkCalendar.DateOf(AsOfUtc);
        var yearEnd = new DateOnly(issued.Year, 12, 31);
        var roll = random.NextDouble();

        // When the office closes it: most by the deadline, some late, some never (still open or overdue).
        DateOnly? closeOn = task.Deadline is { } due
            ? roll < 0.62 ? due.AddDays(-random.Next(0, 60))
            : roll < 0.82 ? due.AddDays(random.Next(1, 75))
            : null
            : roll < 0.3 ? yearEnd.AddDays(-random.Next(0, 20)) : null;
        if (closeOn is { } c && c <= issued.AddDays(10))
        {
            closeOn = issued.AddDays(11);
        }

        var reportsUntil = Min(closeOn ?? yearEnd.AddMonths(2), asOf);
        if (random.NextDouble() < 0.8)
        {
            a.Acknowledge(Utc(issued.AddDays(4)));
        }

        var month = new DateOnly(issued.Year, issued.Month, 1).AddMonths(1);
        for (; month <= reportsUntil; month = month.AddMonths(1))
        {
            var day = month.AddDays(random.Next(0, 10));
            if (day > reportsUntil)
            {
                break;
            }

            if (!a.CanSubmitReport)
            {
                break;
            }

            a.SubmitReport(new ProgressReport
            {
                Progress = "按计划推进，已完成阶段性工作。",
                PercentComplete = Math.Min(100, 10 * a.Reports.Count + 10),
                Problems = random.NextDouble() < 0.3 ? "部分单位资料报送不及时，统筹协调难度较大" : null,
                NextSteps = "继续抓好落实。",
            }, Utc(day, hour: 9));
            size.Reports++;
            if (random.NextDouble() < 0.05 && a.CanReturn && day.AddDays(2) <= reportsUntil)
            {
                a.Return("佐证材料不完整，请补充发布链接", Utc(day.AddDays(1), hour: 10));
                a.SubmitReport(new ProgressReport { Progress = "已补充佐证材料。" }, Utc(day.AddDays(2), hour: 9));
                size.Reports++;
            }
        }

        if (closeOn is { } close && close <= asOf && a.Status == AssignmentStatus.InProgress)
        {
            a.RequestCompletion("已全面完成任务。", Utc(close, hour: 11));
            a.ApproveCompletion(Utc(close, hour: 15));
            return;
        }

        // Late and still open: some get a 督办单, some of those an answer.
        if (a.IsOverdue(asOf) && random.NextDouble() < 0.4)
        {
            var issuedOn = Max(a.DueDate!.Value.AddDays(10), a.DueDate.Value.AddDays(1));
            if (issuedOn <= asOf)
            {
                var year = issuedOn.Year;
                notices[year] = notices.GetValueOrDefault(year) + 1;
                var notice = EscalationNotice.Issue(a, [], notices[year], "请于规定时间内办结并书面回复。", issuedOn.AddDays(7), "计划办公室", Utc(issuedOn, hour: 10));
                notice.Assignment = a;
                if (issuedOn.AddDays(5) <= asOf && random.NextDouble() < 0.6)
                {
                    notice.Respond("因项目招标延迟，预计下月完成。", Utc(issuedOn.AddDays(5), hour: 10));
                }

                Escalations.Add(notice);
                size.Escalations++;
            }
        }
    }

    /// <summary>Notices issued while walking the current plan, saved with it (no navigation leads from a plan to them).</summary>
    private List<EscalationNotice> Escalations { get; } = [];

    private static DateTime Utc(DateOnly chinaDate, int hour = 9) =>
        chinaDate.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc) - WorkCalendar.UtcOffset;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Chinese(int n) => n switch
    {
        1 => "一",
        2 => "二",
        3 => "三",
        4 => "四",
        5 => "五",
        6 => "六",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What a <see cref="DashboardDataSet"/> wrote, and how long it took.</summary>
public sealed class DataSetSize
{
    public int Plans { get; set; }
    public int Tasks { get; set; }
    public int Assignments { get; set; }
    public int Reports { get; set; }
    public int Escalations { get; set; }
    public TimeSpan Elapsed { get; set; }

    public override string ToString() =>
        $"{Plans} plans, {Tasks} tasks, {Assignments} assignments, {Reports} reports, {Escalations} escalation notices in {Elapsed.TotalSeconds:0.0} s";
}
