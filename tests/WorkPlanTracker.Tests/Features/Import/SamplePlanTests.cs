using WorkPlanTracker.Features.Import;
using Xunit.Abstractions;
using static WorkPlanTracker.Tests.Features.Import.SamplePlanExpectations;

namespace WorkPlanTracker.Tests.Features.Import;

public sealed class SamplePlanTests(ITestOutputHelper output)
{
    private static readonly PlanTextParser Parser = new();

    public static TheoryData<string> Plans => new() { XishiFile, ShijiazhuangFile, SuzhouFile, HubeiFile };

    // Through the document reader, as the import page and the CLI read files: it drops blank lines, so
    // the parser must not rely on them to end a paragraph.
    private static ParsedPlan ParseSample(string file)
    {
        using var stream = File.OpenRead(SampleFiles.SeedPath(file));
        return Parser.Parse(new WorkPlanTracker.Features.Import.Documents.PlanDocumentReader().Read(file, stream).Text);
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Finds_exactly_the_tasks_of_the_plan(string file)
    {
        var plan = ParseSample(file);

        Assert.Equal(For(file).Select(t => t.Path), plan.Tasks.Select(t => t.Path));
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Reads_units_deadline_and_ongoing_of_every_task(string file)
    {
        var tasks = ParseSample(file).Tasks.ToDictionary(t => t.Path);

        foreach (var expected in For(file))
        {
            var task = tasks[expected.Path];
            Assert.True(expected.Leads.SequenceEqual(task.LeadUnits), $"{expected.Path} leads: {string.Join("、", task.LeadUnits)}");
            Assert.True(expected.Supporting.SequenceEqual(task.SupportingUnits), $"{expected.Path} supporting: {string.Join("、", task.SupportingUnits)}");
            Assert.True(expected.Deadline == task.Deadline, $"{expected.Path} deadline: {task.Deadline}");
            Assert.True(expected.Ongoing == task.Ongoing, $"{expected.Path} ongoing: {task.Ongoing}");
        }
    }

    [Fact]
    public void Xishi_2018_metadata_sections_and_titles()
    {
        var plan = ParseSample(XishiFile);

        Assert.Equal("西市区2018年政务公开工作要点", plan.Title);
        Assert.Equal(2018, plan.Year);
        Assert.Null(plan.DocumentNumber); // 辽政办发〔2018〕27号 is only cited in the preamble
        Assert.Equal(new DateOnly(2018, 8, 23), plan.IssuedOn); // no signature: the page's 发布时间
        Assert.Equal(
            ["一", "一.(一)", "一.(二)", "一.(三)", "一.(四)", "一.(五)", "二"],
            plan.Sections.Select(s => s.Path));
        Assert.Equal("履职行权公开", plan.Sections[1].Title);
        Assert.Equal("保障措施", plan.Sections[^1].Title);

        var tasks = plan.Tasks.ToDictionary(t => t.Path);
        Assert.Equal("加强行政权力事项公开", tasks["一.(一).1"].Title);
        Assert.Equal("扎实开展市场准入负面清单制度改革第二批试点工作", tasks["一.(一).1#2"].Title);
        Assert.Equal("做好政策文件解读", tasks["一.(二).2#2"].Title);
        Assert.Equal("加快8890便民服务平台建设", tasks["一.(三).5"].Title);
        Assert.DoesNotContain("区编委办牵头", tasks["一.(一).1"].Text);
        Assert.EndsWith("本级政府网站及时更新。", tasks["一.(一).1"].Text);
        // The note on its own line after the text still belongs to the task.
        Assert.EndsWith("确保为企业和群众提供满意的服务。", tasks["一.(四).3"].Text);
        Assert.Equal("年底前", tasks["一.(四).1"].DeadlineText);
    }

    [Fact]
    public void Xishi_2018_warns_about_the_skipped_item_3_and_headings_without_units()
    {
        var plan = ParseSample(XishiFile);

        Assert.Contains(plan.Warnings, w => w.Path == "一.(二).4" && w.Message.StartsWith("编号不连续", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Path == "二.(一)" && w.Message == "未找到牵头单位");
        Assert.DoesNotContain(plan.Warnings, w => w.Path == "一.(一).1");
    }

    [Fact]
    public void Shijiazhuang_2020_metadata_and_dates_in_text()
    {
        var plan = ParseSample(ShijiazhuangFile);

        Assert.Equal("石家庄市2020年政务公开工作要点", plan.Title);
        Assert.Equal("石家庄市人民政府办公室", plan.Issuer);
        Assert.Equal(2020, plan.Year);
        Assert.Equal("石政办函〔2020〕28号", plan.DocumentNumber);
        Assert.Equal(new DateOnly(2020, 8, 6), plan.IssuedOn);
        Assert.Equal(["一", "二", "三", "四", "五", "六"], plan.Sections.Select(s => s.Path));

        var catalogue = plan.Tasks.Single(t => t.Path == "一.(三)");
        Assert.Equal("加强政务公开目录清单管理", catalogue.Title);
        Assert.Equal(
            [(new DateOnly(2020, 9, 30), "2020年9月底前"), (new DateOnly(2020, 12, 31), "12月底前")],
            catalogue.Milestones.Select(m => (m.Date, m.Text)));
        Assert.Equal("12月底前", catalogue.DeadlineText);

        // 常态化 in the body ("疫情防控常态化下") is not an ongoing deadline.
        Assert.False(plan.Tasks.Single(t => t.Path == "三.(一)").Ongoing);
    }

    [Fact]
    public void Suzhou_2024_metadata_from_the_traditional_page_with_pinyin()
    {
        var plan = ParseSample(SuzhouFile);

        Assert.Equal("2024年宿州市政务公开重点工作任务分工方案", plan.Title);
        Assert.Equal("宿州市政务公开办公室", plan.Issuer);
        Assert.Equal(2024, plan.Year);
        Assert.Equal("宿政务办〔2024〕1号", plan.DocumentNumber);
        Assert.Equal(new DateOnly(2024, 5, 21), plan.IssuedOn); // garbled signature "2024521"
        Assert.Equal(11, plan.Sections.Count);
        Assert.Equal("围绕中心工作抓好主动公开", plan.Sections[0].Title);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Suzhou_2024_task_3_matches_the_cli_example()
    {
        var task = ParseSample(SuzhouFile).Tasks.Single(t => t.Path == "一.3");

        Assert.Equal("助力优化政务服务", task.Title);
        Assert.StartsWith("助力优化政务服务，聚焦高效办成一件事", task.Text);
        Assert.EndsWith("让政务服务像网购一样便捷", task.Text);
        Assert.Equal(["市数据资源局"], task.LeadUnits);
        Assert.Equal(["县区政府", "市政府部门"], task.SupportingUnits);
        Assert.Equal(new DateOnly(2024, 7, 31), task.Deadline);
        Assert.Equal("2024年7月底前", task.DeadlineText);
        Assert.False(task.Ongoing);
        Assert.Equal([(new DateOnly(2024, 7, 31), "2024年7月底前")], task.Milestones.Select(m => (m.Date, m.Text)));
    }

    [Fact]
    public void Suzhou_2024_text_is_simplified_without_pinyin()
    {
        var plan = ParseSample(SuzhouFile);

        foreach (var task in plan.Tasks)
        {
            Assert.DoesNotContain("務", task.Text);
            Assert.DoesNotContain("(wù)", task.Text);
            Assert.DoesNotContain("(hào)", task.Text);
        }

        Assert.Contains("政务公开", plan.Tasks.Single(t => t.Path == "七.17").Text);
    }

    [Fact]
    public void Suzhou_2024_task_27_counts_30_days_from_issue_and_keeps_the_note_deadline()
    {
        var task = ParseSample(SuzhouFile).Tasks.Single(t => t.Path == "十一.27");

        Assert.Equal(
            [(new DateOnly(2024, 6, 20), "印发后30日内"), (new DateOnly(2024, 6, 30), "2024年6月底前")],
            task.Milestones.Select(m => (m.Date, m.Text)));
        Assert.Equal(new DateOnly(2024, 6, 30), task.Deadline);
        Assert.Equal("2024年6月底前", task.DeadlineText);
    }

    [Fact]
    public void Hubei_2020_metadata_and_one_plan_level_warning_for_missing_units()
    {
        var plan = ParseSample(HubeiFile);

        Assert.Equal("湖北省人民防空办公室2020年度政务公开工作要点", plan.Title);
        Assert.Equal("湖北省人民防空办公室", plan.Issuer);
        Assert.Equal(2020, plan.Year);
        Assert.Equal(new DateOnly(2020, 9, 17), plan.IssuedOn);
        Assert.Equal(5, plan.Sections.Count);

        var unitWarnings = plan.Warnings.Where(w => w.Message.Contains("单位", StringComparison.Ordinal)).ToList();
        var single = Assert.Single(unitWarnings);
        Assert.Equal("", single.Path);
        Assert.Equal("全文未写明任何责任单位，需手动分配", single.Message);
        // The closing 附件/QR-code noise is not appended to the last task.
        Assert.DoesNotContain("二维码", plan.Tasks[^1].Text);
    }

    [Fact]
    public void Annual_report_does_not_crash()
    {
        var plan = ParseSample(AnnualReportFile);

        Assert.NotNull(plan);
        Assert.Equal("宁德市蕉城区人民政府办公室2018年政府信息公开工作年度报告", plan.Title);
    }

    [Fact]
    public void Accuracy_against_the_expected_tables_is_100_percent()
    {
        foreach (var file in new[] { XishiFile, ShijiazhuangFile, SuzhouFile, HubeiFile })
        {
            var expected = For(file);
            var tasks = ParseSample(file).Tasks.ToDictionary(t => t.Path);
            var found = expected.Count(e => tasks.ContainsKey(e.Path));
            var unitsRight = expected.Count(e => tasks.TryGetValue(e.Path, out var t)
                && e.Leads.SequenceEqual(t.LeadUnits) && e.Supporting.SequenceEqual(t.SupportingUnits));
            var deadlinesRight = expected.Count(e => tasks.TryGetValue(e.Path, out var t)
                && e.Deadline == t.Deadline && e.Ongoing == t.Ongoing);
            var extra = tasks.Count - found;

            output.WriteLine(
                $"{file[..3]}: tasks found {found}/{expected.Count} (extra {extra}), units right {unitsRight}/{expected.Count}, deadlines right {deadlinesRight}/{expected.Count}");

            Assert.Equal(expected.Count, found);
            Assert.Equal(0, extra);
            Assert.Equal(expected.Count, unitsRight);
            Assert.Equal(expected.Count, deadlinesRight);
        }
    }
}
