namespace WorkPlanTracker.Domain;

/// <summary>
/// Which task of last year a task of this year continues: the same work comes back in next year's plan reworded a
/// little and usually with the same units, so the likeness of the texts (character-bigram Dice) and of the lead
/// units together decide it. Word-level tools do not fit Chinese text without a segmenter; bigrams do.
/// </summary>
public static class TaskContinuity
{
    /// <summary>The least score that is proposed at all; below it two tasks are different work.</summary>
    public const double ProposalThreshold = 0.45;

    /// <summary>Dice coefficient of the character bigrams of two texts (punctuation and spaces left out), 0..1.</summary>
    public static double TextLikeness(string a, string b) => TextShape.Of(a).Likeness(TextShape.Of(b));

    /// <summary>
    /// How likely this year's task continues last year's: the text likeness, raised when the two share lead units
    /// and lowered when both name units and share none.
    /// </summary>
    public static double Score(TaskShape task, TaskShape previous)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(previous);
        var likeness = task.Text.Likeness(previous.Text);
        if (task.Units.Count == 0 || previous.Units.Count == 0)
        {
            return likeness;
        }

        var sharedUnits = task.Units.Count(previous.Units.Contains);
        var unitLikeness = (double)sharedUnits / Math.Max(task.Units.Count, previous.Units.Count);
        return sharedUnits == 0 ? likeness * 0.8 : Math.Min(1, (likeness * 0.8) + (unitLikeness * 0.2));
    }

    /// <summary>
    /// Pairs each task with the previous task it most likely continues, best pairs first, each task on either side used
    /// once; pairs under <see cref="ProposalThreshold"/> are left out. Returns (task index, previous index, score).
    /// </summary>
    public static IReadOnlyList<(int Task, int Previous, double Score)> Pair(IReadOnlyList<TaskShape> tasks, IReadOnlyList<TaskShape> previous)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(previous);
        var candidates = new List<(int Task, int Previous, double Score)>();
        for (var i = 0; i < tasks.Count; i++)
        {
            for (var j = 0; j < previous.Count; j++)
            {
                // Texts of very different lengths cannot reach the threshold even with the same units: skipped
                // unscored, a plan of thousands of tasks against last year's stays a matter of milliseconds.
                if (tasks[i].Text.MostLikeness(previous[j].Text) * 0.8 + 0.2 < ProposalThreshold)
                {
                    continue;
                }

                var score = Score(tasks[i], previous[j]);
                if (score >= ProposalThreshold)
                {
                    candidates.Add((i, j, score));
                }
            }
        }

        var usedTasks = new HashSet<int>();
        var usedPrevious = new HashSet<int>();
        var pairs = new List<(int Task, int Previous, double Score)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Task).ThenBy(c => c.Previous))
        {
            if (!usedTasks.Contains(candidate.Task) && !usedPrevious.Contains(candidate.Previous))
            {
                usedTasks.Add(candidate.Task);
                usedPrevious.Add(candidate.Previous);
                pairs.Add(candidate);
            }
        }

        return pairs;
    }
}

/// <summary>A task as <see cref="TaskContinuity"/> compares it: its text's bigrams and its lead units' names.</summary>
public sealed record TaskShape(TextShape Text, IReadOnlySet<string> Units)
{
    public static TaskShape Of(string text, IEnumerable<string> units) =>
        new(TextShape.Of(text), new HashSet<string>(units, StringComparer.Ordinal));
}

/// <summary>The character bigrams of a text (letters and digits only), counted once so many comparisons stay cheap.</summary>
public sealed class TextShape
{
    private readonly Dictionary<string, int> grams;
    private readonly int total;

    private TextShape(Dictionary<string, int> grams)
    {
        this.grams = grams;
        total = grams.Values.Sum();
    }

    public static TextShape Of(string? text)
    {
        var letters = (text ?? "").Where(char.IsLetterOrDigit).ToArray();
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            var gram = new string(letters, i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return new TextShape(grams);
    }

    /// <summary>The highest <see cref="Likeness"/> two texts of these sizes could have (all of the smaller shared).</summary>
    public double MostLikeness(TextShape other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return total + other.total == 0 ? 0 : 2.0 * Math.Min(total, other.total) / (total + other.total);
    }

    /// <summary>Each bigram once, for a caller that weighs them (e.g. by how rare each is among many texts).</summary>
    public IReadOnlyCollection<string> Bigrams => grams.Keys;

    /// <summary>
    /// Dice coefficient over the distinct bigrams with each counting <paramref name="weight"/> instead of one, 0..1; 0 when
    /// neither has a bigram. Weighing by rarity lets the words every text of a plan shares (政务公开, 推进) count for little.
    /// </summary>
    public double WeightedLikeness(TextShape other, Func<string, double> weight)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(weight);
        var total = grams.Keys.Sum(weight) + other.grams.Keys.Sum(weight);
        return total == 0 ? 0 : 2 * grams.Keys.Where(other.grams.ContainsKey).Sum(weight) / total;
    }

    /// <summary>Dice coefficient with <paramref name="other"/>, 0..1; 0 when either has no bigram.</summary>
    public double Likeness(TextShape other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (total == 0 || other.total == 0)
        {
            return 0;
        }

        var (small, large) = grams.Count <= other.grams.Count ? (grams, other.grams) : (other.grams, grams);
        var shared = 0;
        foreach (var (gram, count) in small)
        {
            if (large.TryGetValue(gram, out var theirs))
            {
                shared += Math.Min(count, theirs);
            }
        }

        return 2.0 * shared / (total + other.total);
    }
}
