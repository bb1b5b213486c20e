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
    public static double TextLikeness(string a, string b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        var remaining = new Dictionary<string, int>(right, StringComparer.Ordinal);
        foreach (var (gram, count) in left)
        {
            if (remaining.TryGetValue(gram, out var other))
            {
                shared += Math.Min(count, other);
            }
        }

        return 2.0 * shared / (left.Values.Sum() + right.Values.Sum());
    }

    /// <summary>
    /// How likely this year's task continues last year's: the text likeness, raised when the two share lead units
    /// and lowered when both name units and share none.
    /// </summary>
    public static double Score(string text, IReadOnlyCollection<string> units, string previousText, IReadOnlyCollection<string> previousUnits)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(previousUnits);
        var likeness = TextLikeness(text, previousText);
        if (units.Count == 0 || previousUnits.Count == 0)
        {
            return likeness;
        }

        var sharedUnits = units.Intersect(previousUnits, StringComparer.Ordinal).Count();
        var unitLikeness = (double)sharedUnits / Math.Max(units.Count, previousUnits.Count);
        return sharedUnits == 0 ? likeness * 0.8 : Math.Min(1, (likeness * 0.8) + (unitLikeness * 0.2));
    }

    private static Dictionary<string, int> Bigrams(string text)
    {
        var letters = (text ?? "").Where(char.IsLetterOrDigit).ToArray();
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            var gram = new string(letters, i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }
}
