using System.Globalization;
using System.Text.RegularExpressions;
using WorkPlanTracker.Domain;
using WorkPlanTracker.Features.Import;

namespace WorkPlanTracker.Features.UpperPlans;

/// <summary>
/// Proposes which of this office's own tasks answer an upper plan's task, for the office to confirm: an own task whose
/// text names the upper task (its title quoted, or "省要点第3项" style references to its number) comes first, then
/// own tasks whose text is close to it. Closeness is <see cref="TextShape.WeightedLikeness"/>, the bigram Dice of
/// <see cref="TaskContinuity"/> with each bigram weighted by how rare it is among the own tasks, so the words every task
/// shares (政务公开, 工作, 推进) count for little.
/// </summary>
public static partial class UpperLinkProposer
{
    /// <summary>Below this the texts share only common words; a person would not see them as the same work.</summary>
    public const double MinimumSimilarity = 0.2;

    public const int MaxProposals = 3;

    /// <summary>An upper title shorter than this is too generic to count as named when it appears in another text.</summary>
    private const int MinQuotedTitleLength = 6;

    public static IReadOnlyList<LinkProposal> Propose(UpperTaskText upper, IReadOnlyList<OwnTaskText> own, IReadOnlySet<int> alreadyLinked)
    {
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(alreadyLinked);
        var weights = RarityWeights(own.Select(o => TextShape.Of(o.Title + o.Text)));
        var upperShape = TextShape.Of(upper.Title + upper.Text);
        // A title several own tasks quote ("推进政务公开工作") is a common phrase there, not a reference to this task.
        var quotingTitle = own.Count(o => NamesByTitle(o.Text, upper));
        var proposals = new List<LinkProposal>();
        foreach (var task in own.Where(o => !alreadyLinked.Contains(o.Id)))
        {
            if (Names(task.Text, upper) is { } named && (quotingTitle <= 1 || !NamesByTitle(task.Text, upper)))
            {
                proposals.Add(new LinkProposal(task.Id, 1, named));
                continue;
            }

            var similarity = upperShape.WeightedLikeness(TextShape.Of(task.Title + task.Text), weights);
            if (similarity >= MinimumSimilarity)
            {
                proposals.Add(new LinkProposal(task.Id, similarity, $"内容相近（相似度 {similarity.ToString("P0", CultureInfo.InvariantCulture)}）"));
            }
        }

        return proposals.OrderByDescending(p => p.Score).ThenBy(p => p.OwnTaskId).Take(MaxProposals).ToList();
    }

    /// <summary>Why the own task's text names the upper task, or null when it does not.</summary>
    public static string? Names(string ownText, UpperTaskText upper)
    {
        ArgumentNullException.ThrowIfNull(ownText);
        ArgumentNullException.ThrowIfNull(upper);
        if (NamesByTitle(ownText, upper))
        {
            return "本级任务写明了上级任务“" + upper.Title + "”";
        }

        if (ItemNumber(upper.Path) is not { } number)
        {
            return null;
        }

        foreach (Match match in ReferencePattern().Matches(ownText))
        {
            if (ChineseNumber(match.Groups["n"].Value) == number)
            {
                return $"本级任务注明对应“{match.Value}”";
            }
        }

        return null;
    }

    private static bool NamesByTitle(string ownText, UpperTaskText upper)
    {
        var title = Normalize(upper.Title);
        return title.Length >= MinQuotedTitleLength && Normalize(ownText).Contains(title, StringComparison.Ordinal);
    }

    /// <summary>The item's own number: "二.3" → 3, "一.(一).2" → 2; a follow-on paragraph ("1#2") or a section has none.</summary>
    public static int? ItemNumber(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var last = path.Split('.')[^1];
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>How rare each bigram is among the own tasks; a bigram none of them has weighs as the rarest.</summary>
    private static Func<string, double> RarityWeights(IEnumerable<TextShape> texts)
    {
        var documents = texts.ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var piece in documents.SelectMany(d => d.Bigrams))
        {
            counts[piece] = counts.GetValueOrDefault(piece) + 1;
        }

        var weights = counts.ToDictionary(c => c.Key, c => Math.Log(1 + ((double)documents.Count / c.Value)), StringComparer.Ordinal);
        var unseen = weights.Count == 0 ? 1 : weights.Values.Max();
        return piece => weights.GetValueOrDefault(piece, unseen);
    }

    private static string Normalize(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    private static int? ChineseNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || PlanNumbering.TryParseChineseNumeral(text, out n) ? n : null;

    // "对应省要点第3项", "落实上级计划第十二条": a reference to the level above, then the item's number.
    [GeneratedRegex("(上级|省|国家|国务院|中央|自治区)[^，。；,;]{0,20}?第(?<n>[0-9一二三四五六七八九十]{1,3})(项|条)")]
    private static partial Regex ReferencePattern();
}

public sealed record UpperTaskText(int Id, string Path, string Title, string Text);

public sealed record OwnTaskText(int Id, string Title, string Text);

/// <summary>An own task proposed for an upper task: <see cref="Score"/> 1 when its text names the upper task.</summary>
public sealed record LinkProposal(int OwnTaskId, double Score, string Reason);
