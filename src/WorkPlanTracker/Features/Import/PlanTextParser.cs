using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkPlanTracker.Features.Import;

/// <summary>
/// Turns the plain text of a published work plan (工作要点 / 任务分工方案) into sections and tasks.
/// Stateless and thread-safe: every call works on its own data; only the conversion tables are shared.
/// </summary>
public sealed partial class PlanTextParser
{
    private const string NoUnitsInPlan = "全文未写明任何责任单位，需手动分配";
    private const string FewDeadlinesInPlan = "多数任务未写明完成时限，需手动设定";
    private const string NoLeadUnit = "未找到牵头单位";
    /// <summary>The plan warning of sentence subjects: the review shows its own box with 全部采用建议 instead.</summary>
    public const string UnitsFromSubjects = "全文未写明责任单位：各项句中负责的单位（如“各县（区）人民政府要…”）已列为建议，请逐项核对后点“采用建议”";
    private const string NoDeadline = "未找到完成时限";
    private const string RepeatedItem = "本项与上一项的编号和内容完全相同（重复印出），只导入一次，请核对原文";
    private const int MinimumRepeatedTextLength = 20;

    private static bool RepeatsPrevious(ParsedTask task, List<ParsedTask> tasks) =>
        tasks.Count > 0
        && tasks[^1] is var previous
        && task.Text.Length >= MinimumRepeatedTextLength
        && task.Text == previous.Text
        && task.Title == previous.Title
        && task.LeadUnits.SequenceEqual(previous.LeadUnits)
        && task.SupportingUnits.SequenceEqual(previous.SupportingUnits)
        && task.Deadline == previous.Deadline;

    private const string NoTasks = "未识别出任何编号任务，请确认这是一份工作要点或任务分工方案";

    public ParsedPlan Parse(string text, PlanParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = BracketedNote().Replace(WrappedText.Unwrap(ChineseTextNormalizer.Normalize(MarkdownText.ToPlainText(text))), NoteInParentheses);
        var lines = RunningTextSplitter.Split(normalized.Split('\n'));
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i] = DeadlineParser.RepairGarbledDates(lines[i].Trim());
        }

        var plan = new ParsedPlan();
        PlanMetadataReader.Read(lines, options, plan);

        var body = FlattenedTableReader.ToCanonicalLines(lines);
        var items = PlanOutline.Build(PlanParagraphs.Build(body), plan.Warnings);
        var carried = new List<string>();
        var proseRoleTasks = new HashSet<ParsedTask>();
        var firstListedLeads = FirstListedLeadsRule().IsMatch(normalized);
        var preambleSections = new List<string>();
        var hasTable = TableRowUnits.HasTableHeader(normalized);
        var unitsMidRow = hasTable && TableRowUnits.HeaderPutsUnitsBeforeText(normalized);
        // A table attached after a prose plan: only the items after its header are table rows.
        var tableRows = new TablePlacement(normalized);
        foreach (var item in items)
        {
            var isTable = hasTable && tableRows.IsAfterHeader(item.BodyText);
            var preamble = IsPreamble(item, preambleSections);
            if (item.IsSection || preamble)
            {
                plan.Sections.Add(new ParsedSection { Path = item.Path, Title = TaskTitle.ForSection(item.BodyText) });
            }
            else
            {
                var task = ToTask(item, plan);
                if (isTable)
                {
                    ReadTableRowUnits(task, unitsMidRow, plan.Tasks.Count > 0 ? plan.Tasks[^1] : null);
                    SplitGluedCells(task.LeadUnits);
                    SplitGluedCells(task.SupportingUnits);
                }
                else
                {
                    ReadDutyListUnit(task);
                    ReadUnlabelledDutyListUnit(task, plan.Sections);
                    if (item.Note is { HasUnits: true })
                    {
                        ReadClauseNotes(task);
                    }
                }

                if (task.LeadUnits.Count + task.SupportingUnits.Count == 0)
                {
                    if (ProseRoleReader.TryRead(task.Text, task.LeadUnits, task.SupportingUnits))
                    {
                        proseRoleTasks.Add(task);
                    }
                }

                if (firstListedLeads && item.Note is { NamesLead: false } && task.LeadUnits.Count > 1 && task.SupportingUnits.Count == 0)
                {
                    // "列第一位者为牵头单位": of the units a note lists without naming a lead, the first leads.
                    task.SupportingUnits.AddRange(task.LeadUnits.Skip(1));
                    task.LeadUnits.RemoveRange(1, task.LeadUnits.Count - 1);
                }

                task.SupportingUnits.AddRange(carried.Where(u => !task.SupportingUnits.Contains(u) && !task.LeadUnits.Contains(u)));
                if (RepeatsPrevious(task, plan.Tasks))
                {
                    // A page copied by hand sometimes prints an item twice in a row: one task, and say so.
                    plan.Warnings.Add(new ImportWarning { Path = task.Path, Message = RepeatedItem });
                }
                else
                {
                    plan.Tasks.Add(task);
                }
            }


            // "以下均需各片区配合落实，不再列出": from here on every task has those supporting units too.
            carried.AddRange(item.Note?.CarriedSupportingUnits.Where(u => !carried.Contains(u)) ?? []);
        }

        if (!hasTable)
        {
            ShareGroupNotes(plan.Tasks, proseRoleTasks);
            ShareDutyListUnits(plan.Tasks);
            ShareParentNotes(plan.Tasks);
        }

        // Only in a plan with no note, table column or duty sentence anywhere: a plan that assigns its work there has
        // said whom it assigns, and the bodies its sentences name beside that are context.
        if (plan.Tasks.TrueForAll(t => t.LeadUnits.Count + t.SupportingUnits.Count == 0))
        {
            foreach (var task in plan.Tasks)
            {
                SentenceSubjectReader.Read(task.Text, task.SuggestedLeadUnits, task.SuggestedSupportingUnits);
                task.SuggestedSupportingUnits.RemoveAll(task.SuggestedLeadUnits.Contains);
            }

            if (plan.Tasks.Exists(t => t.SuggestedLeadUnits.Count > 0))
            {
                // Read from sentences, not from notes: the reviewer decides, task by task.
                plan.Warnings.Add(new ImportWarning { Message = UnitsFromSubjects });
            }
        }

        TakePhaseEnds(plan);
        AddCoverageWarnings(plan);
        return plan;
    }

    // "(一)准备阶段(2022年3月1日—3月28日)": a step of a phase with no date of its own is due when the phase ends.
    private static void TakePhaseEnds(ParsedPlan plan)
    {
        foreach (var section in plan.Sections)
        {
            var range = PhaseRange().Match(section.Title);
            if (!range.Success)
            {
                continue;
            }

            var year = int.Parse(range.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            var month = int.Parse(range.Groups["month"].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(range.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1)
            {
                continue;
            }

            var end = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            foreach (var task in plan.Tasks.Where(t => t.Deadline is null && !t.Ongoing && Parent(t.Path) == section.Path))
            {
                task.Deadline = end;
                task.DeadlineText = range.Value;
            }
        }
    }

    [GeneratedRegex(@"\((?<year>\d{4})年\d{1,2}月\d{1,2}日[—–\-－至~～]+(?:\d{4}年)?(?<month>\d{1,2})月(?<day>\d{1,2})日\)")]
    private static partial Regex PhaseRange();

    // "1.… 2.… 3.…（责任单位：A、B）": one note after the last sub-item of a group, none before it in the group,
    // names the units of every sub-item of that group.
    private static void ShareGroupNotes(List<ParsedTask> tasks, HashSet<ParsedTask> proseRoleTasks)
    {
        var start = 0;
        while (start < tasks.Count)
        {
            var parent = Parent(tasks[start].Path);
            var end = start + 1;
            while (end < tasks.Count && Parent(tasks[end].Path) == parent)
            {
                end++;
            }

            var last = tasks[end - 1];
            // A note closing the last item may cover the group; roles the last item states in its own sentence
            // ("由社会事业处牵头…") are that item's alone.
            var hasUnits = last.LeadUnits.Count + last.SupportingUnits.Count > 0 && !proseRoleTasks.Contains(last);
            // Items under a task (四. then 1.–6.) are a list inside that task, not a group of tasks.
            var parentIsTask = tasks.Exists(t => t.Path == parent);
            // Entries ending in "；" before a last one ending its sentence are a list inside that sentence; when the last
            // ends in "；" too ("（1）…；（2）…；责任单位：…"), the note closes the whole enumeration.
            var closesEnumeration = EndsAsListEntry(last.Text);
            if (parent.Length > 0 && !parentIsTask && end - start >= 2 && hasUnits
                && tasks.Skip(start).Take(end - start - 1).All(t => t.LeadUnits.Count == 0 && t.SupportingUnits.Count == 0 && (closesEnumeration || !EndsAsListEntry(t.Text))))
            {
                foreach (var task in tasks.Skip(start).Take(end - start - 1))
                {
                    task.LeadUnits.AddRange(last.LeadUnits);
                    task.SupportingUnits.AddRange(last.SupportingUnits);
                }
            }

            start = end;
        }
    }

    // "1.加强政策解读。（县政府办公室牵头，6月底前） (1)… (2)…": the steps under a task with a note, which name no units
    // of their own, are done by the task's units, by its deadline.
    private static void ShareParentNotes(List<ParsedTask> tasks)
    {
        var byPath = tasks.GroupBy(t => t.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (task.LeadUnits.Count + task.SupportingUnits.Count > 0 || !byPath.TryGetValue(Parent(task.Path), out var parent)
                || parent.LeadUnits.Count + parent.SupportingUnits.Count == 0)
            {
                continue;
            }

            task.LeadUnits.AddRange(parent.LeadUnits);
            task.SupportingUnits.AddRange(parent.SupportingUnits);
            if (task.Deadline is null && !task.Ongoing)
            {
                (task.Deadline, task.DeadlineText, task.Ongoing) = (parent.Deadline, parent.DeadlineText, parent.Ongoing);
            }
        }
    }

    // "1.办理…自助申请；2.…": entries of a list inside one sentence, which a note after the sentence does not split up.
    private static bool EndsAsListEntry(string text) => text.TrimEnd().EndsWith('；') || text.TrimEnd().EndsWith('，');

    private static string Parent(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }

    private static ParsedTask ToTask(OutlineItem item, ParsedPlan plan)
    {
        var text = item.BodyText;
        var task = new ParsedTask
        {
            Path = item.Path,
            Title = TaskTitle.ForTask(text),
            Text = text,
            LeadUnits = [.. item.Note?.LeadUnits ?? []],
            SupportingUnits = [.. item.Note?.SupportingUnits ?? []],
            Milestones = DeadlineParser.FindDatedSteps(text, plan.Year, plan.IssuedOn),
        };

        if (DeadlineParser.FindImpossibleDay((item.Note?.DeadlinePhrase ?? "") + " " + text, plan.Year) is { } impossible)
        {
            plan.Warnings.Add(new ImportWarning { Path = item.Path, Message = $"日期“{impossible}”不存在，已按当月最后一天计算，请核对" });
        }

        if (item.Note?.DeadlinePhrase is { } phrase)
        {
            task.DeadlineText = phrase;
            if (DeadlineParser.IsOngoing(phrase))
            {
                // Ongoing work has no end date, whatever steps the text names on the way.
                task.Ongoing = true;
                return task;
            }

            var stated = DeadlineParser.FindDatedSteps(phrase, plan.Year, plan.IssuedOn, isDeadlineSlot: true);
            if (stated.Count > 0)
            {
                var final = stated[^1];
                task.Deadline = final.Date;
                if (!task.Milestones.Exists(m => m.Date == final.Date))
                {
                    task.Milestones.Add(new ParsedMilestone { Date = final.Date, Text = phrase });
                }
            }

            return task;
        }

        if (task.Milestones.Count > 0)
        {
            // Without a 完成时限 the last dated step the text names is when the whole task is due.
            var last = task.Milestones.MaxBy(m => m.Date)!;
            task.Deadline = last.Date;
            task.DeadlineText = last.Text;
        }

        return task;
    }

    // A duty list names the unit first: "1.区经济发展局：行政征收网上公开；…". That unit leads the item.
    private static void ReadDutyListUnit(ParsedTask task)
    {
        if (task.LeadUnits.Count > 0 || task.SupportingUnits.Count > 0)
        {
            return;
        }

        var head = DutyListHead().Match(task.Text);
        if (head.Success && UnitNoteParser.LooksLikeUnitName(head.Groups[1].Value))
        {
            task.LeadUnits.Add(head.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"^((?:(?!牵头|责任|配合|负责|主办|协办|参与)[^：:，,。、；;()“”《》\s]){2,20})[：:]")]
    private static partial Regex DutyListHead();

    // "…穿戴救生衣(农业农村处负责)；推动建立…巡防队伍(各联合党委负责)；…(政法综治处负责)": in a task closed by a note,
    // a role note ending a clause of its list names the units of that clause, who answer for the task too.
    private static void ReadClauseNotes(ParsedTask task)
    {
        foreach (Match clause in ClauseNote().Matches(task.Text))
        {
            var content = clause.Groups["note"].Value;
            if (!UnitNoteParser.IsRoleNote(content))
            {
                continue;
            }

            var note = UnitNoteParser.Parse(content);
            task.LeadUnits.AddRange(note.LeadUnits.Where(u => !task.LeadUnits.Contains(u) && !task.SupportingUnits.Contains(u) && !UnitListWording.IsCatchAll(u)).ToList());
            task.SupportingUnits.AddRange(note.SupportingUnits.Where(u => !task.LeadUnits.Contains(u) && !task.SupportingUnits.Contains(u) && !UnitListWording.IsCatchAll(u)).ToList());
        }
    }

    [GeneratedRegex(@"\((?<note>[^()]{2,60})\)(?=[；;])")]
    private static partial Regex ClauseNote();

    // "五、职责分工（一）区党群工作部按照…（五）区社会事业局1.认真贯彻…": under a duty-allocation heading, an item that
    // opens with a body's name (no colon) is that body's duty, and the numbered duties under a heading that is only a
    // body's name are that body's. Elsewhere a sentence opening with a body is no assignment (its subject only).
    private static void ReadUnlabelledDutyListUnit(ParsedTask task, List<ParsedSection> sections)
    {
        if (task.LeadUnits.Count > 0 || task.SupportingUnits.Count > 0)
        {
            return;
        }

        var parent = sections.Find(s => s.Path == Parent(task.Path));
        if (parent is null)
        {
            return;
        }

        if (DutySection().IsMatch(parent.Title) && LeadingBodyName(task.Text) is { } opening)
        {
            task.LeadUnits.Add(opening);
        }
        else if (sections.Find(s => s.Path == Parent(parent.Path)) is { } grandparent && DutySection().IsMatch(grandparent.Title)
            && LeadingBodyName(parent.Title) is { } body && body.Length == parent.Title.Length)
        {
            task.LeadUnits.Add(body);
        }
    }

    private static readonly SearchValues<char> NameBreak = SearchValues.Create("，,。；;：:、()“”《》 \n0123456789");

    // The shortest opening that ends in a strong unit ending (局, 部, 办, 机构…): "区社会事业局" rather than "区社会",
    // "区财政金融局" out of "区财政金融局全区儿童…".
    private static string? LeadingBodyName(string text)
    {
        var end = text.AsSpan().IndexOfAny(NameBreak);
        var opening = end < 0 ? text : text[..end];
        foreach (Match ending in StrongUnitEnding().Matches(opening))
        {
            var name = opening[..(ending.Index + ending.Length)];
            if (name.Length >= 3 && UnitNoteParser.LooksLikeUnitName(name))
            {
                return name;
            }
        }

        return null;
    }

    [GeneratedRegex("(?:职责分工|责任分工|部门职责|职责任务|任务分工)$")]
    private static partial Regex DutySection();

    [GeneratedRegex("(?:局|委|办|厅|处|部|室|所|站|队|院|中心|机构|公司|政府|小组)")]
    private static partial Regex StrongUnitEnding();

    // "1.区经济发展局：… 2.区社会事业局：…。承接省级试点工作的相关单位的主要任务如下：1.梳理… 2.编制…": the list a
    // duty list announces as the work of "those units" is the work of every unit of the duty list.
    private static void ShareDutyListUnits(List<ParsedTask> tasks)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            var lastSentence = tasks[i].Text[(tasks[i].Text.LastIndexOf('。') + 1)..];
            if (!UnitsAnnounceList().IsMatch(lastSentence))
            {
                continue;
            }

            var parent = Parent(tasks[i].Path);
            var list = new List<ParsedTask>();
            for (var j = i; j >= 0 && Parent(tasks[j].Path) == parent && OpensWithItsLead(tasks[j]); j--)
            {
                list.Insert(0, tasks[j]);
            }

            if (list.Count < 2)
            {
                continue;
            }

            var units = list.SelectMany(t => t.LeadUnits).Distinct().ToList();

            for (var j = i + 1; j < tasks.Count && Parent(tasks[j].Path) == parent && tasks[j].LeadUnits.Count + tasks[j].SupportingUnits.Count == 0; j++)
            {
                tasks[j].LeadUnits.AddRange(units);
            }
        }
    }

    private static bool OpensWithItsLead(ParsedTask task) =>
        task.LeadUnits.Count == 1 && DutyListHead().Match(task.Text) is { Success: true } head && head.Groups[1].Value == task.LeadUnits[0];

    [GeneratedRegex("(?:相关|上述|以上|前述|这些|各)单位[^。：:]{0,12}(?:如下|是|包括)[：:]$")]
    private static partial Regex UnitsAnnounceList();

    // A table cell prints its units with no separator ("政法综治处交通与建设处"): one name per unit.
    private static void SplitGluedCells(List<string> units)
    {
        var split = units.SelectMany(UnitNoteParser.SplitGluedCell).Distinct().ToList();
        units.Clear();
        units.AddRange(split);
    }

    // "一、指导思想" / "总体目标" / "基本原则": the plan's preamble, not work anyone is assigned, unless a note says otherwise.
    // Items under such a heading ("(二)基本原则 --坚持党建引领…") are the preamble too.
    private static bool IsPreamble(OutlineItem item, List<string> preambleSections)
    {
        // Leaving a preamble heading's items ends it (a second document on the page numbers from 一、 again).
        preambleSections.RemoveAll(p => !item.Path.StartsWith(p + ".", StringComparison.Ordinal));
        if (preambleSections.Count > 0 || item.Note is not null)
        {
            return preambleSections.Count > 0 && item.Note is null;
        }

        var topLevel = item.Path.IndexOf('.', StringComparison.Ordinal) < 0;
        if ((topLevel || item.HasChildren) && PreambleHeading().IsMatch(item.BodyText))
        {
            preambleSections.Add(item.Path);
            return true;
        }

        // "三、职责分工 在…统一领导下，由A、B共同牵头…。具体任务分工如下：A负责…": who does the plan's work, told in
        // one paragraph, is no work of its own (a duty list numbered under that heading still is).
        return topLevel && !item.HasChildren && DivisionOfDutiesHeading().IsMatch(item.BodyText);
    }

    [GeneratedRegex("^(?:职责分工|责任分工|任务分工|工作分工|分工安排)(?![:：])")]
    private static partial Regex DivisionOfDutiesHeading();

    // A flattened table: units between the task and its requirement are read from the row; a row that prints
    // no units at all sits in a merged cell and takes the units of the row above.
    private static void ReadTableRowUnits(ParsedTask task, bool unitsMidRow, ParsedTask? previous)
    {
        if (task.LeadUnits.Count > 0 || task.SupportingUnits.Count > 0)
        {
            return;
        }

        var names = unitsMidRow ? TableRowUnits.Find(task.Text) : [];
        if (names.Count > 0)
        {
            task.LeadUnits.Add(names[0]);
            task.SupportingUnits.AddRange(names.Skip(1).Where(n => n != names[0]).Distinct());
        }
        else if (previous is not null)
        {
            task.LeadUnits.AddRange(previous.LeadUnits);
            task.SupportingUnits.AddRange(previous.SupportingUnits);
        }
    }

    [GeneratedRegex("(?:列|排)(?:在)?(?:第一位|首位)(?:的|者)?(?:单位|部门)?(?:为|是)(?:牵头|主责)")]
    private static partial Regex FirstListedLeadsRule();

    /// <summary>"【责任单位：县政府办公室】", "【2024年6月底前】": a note in square brackets reads like one in parentheses.</summary>
    private static string NoteInParentheses(Match bracket)
    {
        var content = bracket.Groups["content"].Value;
        return UnitNoteParser.IsNoteContent(content) || UnitNoteParser.StartsWithLabel(content) || DeadlineParser.LooksLikeDeadline(content)
            ? $"({content})"
            : bracket.Value;
    }

    [GeneratedRegex("【(?<content>[^【】\n]{2,200})】")]
    private static partial Regex BracketedNote();

    [GeneratedRegex("^(?:指导思想|总体要求|总体目标|工作目标|主要目标|基本原则|工作原则|目标任务|指导思想和工作目标|指导思想和总体目标)")]
    private static partial Regex PreambleHeading();

    private static void AddCoverageWarnings(ParsedPlan plan)
    {
        var tasks = plan.Tasks;
        if (tasks.Count == 0)
        {
            plan.Warnings.Add(new ImportWarning { Message = NoTasks });
            return;
        }

        // One plan-level warning instead of one per task when the plan simply does not do something.
        var anyUnits = tasks.Exists(t => t.LeadUnits.Count > 0 || t.SupportingUnits.Count > 0);
        if (!anyUnits && !tasks.Exists(t => t.SuggestedLeadUnits.Count > 0))
        {
            plan.Warnings.Add(new ImportWarning { Message = NoUnitsInPlan });
        }

        var withDeadline = tasks.Count(t => t.Deadline is not null || t.Ongoing);
        var deadlinesUsual = withDeadline * 2 >= tasks.Count;
        if (!deadlinesUsual)
        {
            plan.Warnings.Add(new ImportWarning { Message = FewDeadlinesInPlan });
        }

        foreach (var task in tasks)
        {
            if (anyUnits && task.LeadUnits.Count == 0)
            {
                plan.Warnings.Add(new ImportWarning { Path = task.Path, Message = NoLeadUnit });
            }

            if (deadlinesUsual && task.Deadline is null && !task.Ongoing)
            {
                plan.Warnings.Add(new ImportWarning { Path = task.Path, Message = NoDeadline });
            }
        }
    }
}

/// <summary>
/// Where a flattened table's header sits in the document, so that the prose items of a plan with a table attached
/// are not read as table rows. Items are asked in document order.
/// </summary>
internal sealed class TablePlacement
{
    private readonly string _compact;
    private readonly int _header;
    private int _cursor;
    private bool _after;

    public TablePlacement(string text)
    {
        _compact = Compact(text);
        _header = TableRowUnits.HeaderIndex(_compact);
        _after = _header <= 0;
    }

    public bool IsAfterHeader(string itemText)
    {
        if (_after)
        {
            return true;
        }

        var opening = Compact(itemText);
        opening = opening[..Math.Min(12, opening.Length)];
        var at = opening.Length == 0 ? -1 : _compact.IndexOf(opening, _cursor, StringComparison.Ordinal);
        if (at >= 0)
        {
            _cursor = at;
            _after = at > _header;
        }

        return _after;
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

/// <summary>The short title of a task or section: its first sentence, or first clause when that sentence is long.</summary>
internal static class TaskTitle
{
    private const int LongSentence = 30;

    public static string ForTask(string text)
    {
        var sentence = FirstSentence(text);
        if (sentence.Length > LongSentence)
        {
            var comma = sentence.IndexOf('，', StringComparison.Ordinal);
            if (comma >= 2)
            {
                sentence = sentence[..comma];
            }
        }

        return sentence.Length > 60 ? sentence[..60] : sentence;
    }

    public static string ForSection(string text) => FirstSentence(text);

    private static string FirstSentence(string text)
    {
        var end = text.AsSpan().IndexOfAny("。；！？\n");
        return (end < 0 ? text : text[..end]).Trim();
    }
}

/// <summary>One paragraph of the body: the lines of one numbered item, or of one unnumbered paragraph.</summary>
internal sealed class PlanParagraph(NumberingMarker? marker, string firstLine)
{
    private readonly StringBuilder _text = new(firstLine);

    public NumberingMarker? Marker { get; } = marker;

    public bool Complete { get; set; }

    public string Text => _text.ToString();

    public void Append(string line)
    {
        // Lines broken inside Chinese prose join without a space; ASCII words keep one.
        if (_text.Length > 0 && line.Length > 0 && char.IsAsciiLetterOrDigit(_text[^1]) && char.IsAsciiLetterOrDigit(line[0]))
        {
            _text.Append(' ');
        }

        _text.Append(line);
    }
}

/// <summary>Rebuilds paragraphs from lines: a line ends a paragraph when it ends a sentence or a unit note.</summary>
internal static partial class PlanParagraphs
{
    private const int HeadingLength = 40;

    public static List<PlanParagraph> Build(IEnumerable<string> lines)
    {
        var paragraphs = new List<PlanParagraph>();
        PlanParagraph? current = null;
        var lastArabic = 0;
        foreach (var line in lines.SelectMany(raw => SplitAfterNotes(ChineseSpacing.Remove(raw))))
        {
            if (line.Length == 0 || WebPageNoise.IsNoise(line))
            {
                current?.Complete = true;
                continue;
            }

            if (PlanNumbering.TryRead(line, out var marker)
                && (!marker.SeparatorLost || marker.Number == lastArabic + 1 || marker.Number == 1))
            {
                if (marker.Style == NumberingStyle.Arabic)
                {
                    lastArabic = marker.Number;
                }

                var rest = line[marker.Length..].Trim();
                current = new PlanParagraph(marker, rest);
                current.Complete = EndsParagraph(rest) || (rest.Length <= HeadingLength && !rest.Contains('。', StringComparison.Ordinal));
                paragraphs.Add(current);
                continue;
            }

            if (current is not null && (!current.Complete || IsNoteOnlyLine(line) || UnitNoteParser.StartsWithLabel(line)))
            {
                current.Append(line);
                current.Complete = EndsParagraph(current.Text);
                continue;
            }

            current = new PlanParagraph(null, line) { Complete = EndsParagraph(line) };
            paragraphs.Add(current);
        }

        return paragraphs;
    }

    // "…依法依规严肃追究责任。(驻局纪检组牵头落实)主要任务各牵头处室要…": a note after a full stop ends its item's
    // paragraph even when the page lost the line break after it; what follows is a paragraph of its own.
    private static IEnumerable<string> SplitAfterNotes(string line)
    {
        var start = 0;
        foreach (Match note in NoteAfterSentence().Matches(line))
        {
            var end = note.Index + note.Length;
            if (end < line.Length && UnitNoteParser.IsRoleNote(note.Groups["note"].Value))
            {
                yield return line[start..end];
                start = end;
            }
        }

        yield return line[start..];
    }

    private static bool EndsParagraph(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        return trimmed[^1] is '。' or '！' or '？' or '；' or ')' || (trimmed.Length > 1 && trimmed[^1] is '”' && trimmed[^2] is '。')
            || EndsInsideUnitNote(trimmed);
    }

    // A note that lost its closing parenthesis ("…(县区政府负责落实,20246月底前") still ends its paragraph:
    // notes never run on to the next line, and joining would pull the next paragraph into the unit list.
    private static bool EndsInsideUnitNote(ReadOnlySpan<char> text)
    {
        var open = text.LastIndexOf('(');
        return open >= 0 && !text[open..].Contains(')') && UnitNoteParser.IsNoteContent(text[(open + 1)..].ToString());
    }

    // "(X牵头落实)" after a sentence, or "责任单位：基础处(30日)" whose work-day count closes the note.
    [GeneratedRegex(@"(?<=[。；])(?:\((?<note>[^()]{2,60})\)|(?<note>责任制?单位[:：](?:[^。；：()，,、]{2,20}\(\d{1,3}(?:个工作)?日\)[，,、]?)+)(?![，,、；;。(]))")]
    private static partial Regex NoteAfterSentence();

    // "(区编委办、区行政审批局按照各自职能分别牵头)" alone on a line belongs to the paragraph above it.
    // "(县政务服务中心牵头)(2024年9月底前)": the deadline in brackets of its own belongs to the note before it.
    private static bool IsNoteOnlyLine(string line) =>
        line.Length > 2 && line[0] == '(' && line[^1] == ')'
        && (UnitNoteParser.IsNoteContent(line[1..^1]) || DeadlineParser.LooksLikeDeadline(line[1..^1]));
}

/// <summary>Drops the spaces that PDF and OCR put between Chinese characters, keeping those between ASCII words.</summary>
internal static class ChineseSpacing
{
    public static string Remove(string line)
    {
        if (!line.Contains(' ', StringComparison.Ordinal))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ' ' && builder.Length > 0 && i + 1 < line.Length
                && !(char.IsAsciiLetterOrDigit(builder[^1]) && char.IsAsciiLetterOrDigit(line[i + 1])))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
