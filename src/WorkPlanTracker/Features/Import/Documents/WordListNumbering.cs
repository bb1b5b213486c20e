namespace WorkPlanTracker.Features.Import.Documents;

// Inside the namespace so that these libraries' short names (Text, Table, Level ...) win over any
// type of the same name the application may add to an enclosing WorkPlanTracker namespace.
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

/// <summary>
/// Recreates the numbers Word draws in front of auto-numbered paragraphs (w:numPr), which are not
/// part of the paragraph text but carry the task numbering the parser depends on.
/// Only formats whose rendering is unambiguous are produced: decimal (1, 2), circled (①) and
/// Chinese counting (一, 二 ... 九十九). Any other list (bullets, letters, list-style links,
/// numbers ≥ 100 in Chinese) gets no prefix rather than a guessed one.
/// Counters follow Word's rules: they belong to the abstract list, so several w:num pointing
/// at one w:abstractNum continue each other unless a startOverride restarts them, and a level
/// restarts after any shallower level advances.
/// </summary>
internal sealed class WordListNumbering
{
    private const int Levels = 9;

    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<string, Style> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> startedInstances = [];

    public WordListNumbering(MainDocumentPart mainPart)
    {
        var numbering = mainPart.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (instance.NumberID?.Value is { } id)
                {
                    instances.TryAdd(id, instance);
                }
            }

            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (abstractNum.AbstractNumberId?.Value is { } id)
                {
                    abstracts.TryAdd(id, abstractNum);
                }
            }
        }

        foreach (var style in mainPart.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                styles.TryAdd(id, style);
            }
        }
    }

    /// <summary>The number Word shows before the paragraph (e.g. "1. ", "一、", "(2)"), or "" when none or unknown.</summary>
    public string Prefix(Paragraph paragraph)
    {
        var (numId, levelIndex) = Resolve(paragraph);
        if (numId is not { } id || id == 0 || !instances.TryGetValue(id, out var instance)
            || instance.AbstractNumId?.Val?.Value is not { } abstractId || !abstracts.TryGetValue(abstractId, out var abstractNum))
        {
            return "";
        }

        var ilvl = Math.Clamp(levelIndex ?? 0, 0, Levels - 1);
        var levels = new Level?[Levels];
        for (var l = 0; l < Levels; l++)
        {
            levels[l] = LevelOf(instance, abstractNum, l);
        }

        if (levels[ilvl] is not { } level)
        {
            return "";
        }

        var state = counters.TryGetValue(abstractId, out var existing) ? existing : counters[abstractId] = new int?[Levels];
        if (startedInstances.Add(id))
        {
            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.LevelIndex?.Value is { } l and >= 0 and < Levels && levelOverride.StartOverrideNumberingValue?.Val?.Value is { } start)
                {
                    state[l] = start - 1;
                }
            }
        }

        state[ilvl] = state[ilvl] is { } value ? value + 1 : StartOf(level);
        for (var l = ilvl + 1; l < Levels; l++)
        {
            state[l] = null;
        }

        return Render(level, levels, state);
    }

    private static string Render(Level level, Level?[] levels, int?[] state)
    {
        var format = level.NumberingFormat?.Val?.Value;
        var text = level.LevelText?.Val?.Value;
        if (text is null || format is null || format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
        {
            return "";
        }

        var legal = level.IsLegalNumberingStyle is not null;
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var referenced = text[i + 1] - '1';
                if (levels[referenced] is not { } referencedLevel)
                {
                    return "";
                }

                var number = state[referenced] ?? StartOf(referencedLevel);
                var referencedFormat = legal ? NumberFormatValues.Decimal : referencedLevel.NumberingFormat?.Val?.Value;
                if (FormatNumber(number, referencedFormat) is not { } formatted)
                {
                    return "";
                }

                builder.Append(formatted);
                i++;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        var prefix = builder.ToString();
        if (prefix.Length == 0)
        {
            return "";
        }

        // Word separates the number from the text with a tab by default; keep a space only where the
        // number ends in a Latin character, since "一、" and "(1)" are followed directly by text.
        var suffix = level.LevelSuffix?.Val?.Value;
        var needsSpace = suffix != LevelSuffixValues.Nothing && (char.IsAsciiLetterOrDigit(prefix[^1]) || prefix[^1] == '.');
        return needsSpace ? prefix + " " : prefix;
    }

    private static string? FormatNumber(int number, NumberFormatValues? format)
    {
        if (number < 0)
        {
            return null;
        }

        if (format == NumberFormatValues.Decimal)
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
        {
            return number is >= 1 and <= 20 ? ((char)('\u2460' + number - 1)).ToString() : null;
        }

        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand)
        {
            return ChineseCounting(number);
        }

        return null;
    }

    private static string? ChineseCounting(int number)
    {
        const string digits = "〇一二三四五六七八九";
        return number switch
        {
            < 1 or > 99 => null,
            < 10 => digits[number].ToString(),
            10 => "十",
            < 20 => "十" + digits[number % 10],
            _ => digits[number / 10] + "十" + (number % 10 == 0 ? "" : digits[number % 10].ToString()),
        };
    }

    private static int StartOf(Level level) => level.StartNumberingValue?.Val?.Value ?? 0;

    private static Level? LevelOf(NumberingInstance instance, AbstractNum abstractNum, int index)
    {
        var overridden = instance.Elements<LevelOverride>()
            .FirstOrDefault(o => o.LevelIndex?.Value == index)?
            .GetFirstChild<Level>();
        return overridden ?? abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == index);
    }

    /// <summary>numId and ilvl from the paragraph, falling back to its style chain (heading styles often carry the list).</summary>
    private (int? NumId, int? Level) Resolve(Paragraph paragraph)
    {
        var own = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = own?.NumberingId?.Val?.Value;
        int? level = own?.NumberingLevelReference?.Val?.Value;

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; depth < 10 && styleId is not null && (numId is null || level is null); depth++)
        {
            if (!styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= fromStyle?.NumberingId?.Val?.Value;
            level ??= fromStyle?.NumberingLevelReference?.Val?.Value;
            styleId = style.BasedOn?.Val?.Value;
        }

        return (numId, level);
    }
}
