using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using WorkPlanTracker.Domain;

namespace WorkPlanTracker.Features.PublicProgress;

/// <summary>
/// The public page's data for the government portal: an Atom feed (one entry per task) and a JSON document, both
/// made from the same <see cref="PublicPlanView"/> as the page, so neither can carry more than the page shows.
/// </summary>
public static class PublicProgressFeed
{
    public static string Atom(PublicPlanView view, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(view);
        var page = baseUrl + PublicProgressService.PageUrl(view.Key);
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("id", ns, StableId(view.Key, ""));
            xml.WriteElementString("title", ns, view.Title + " 落实情况");
            xml.WriteElementString("updated", ns, Timestamp(view.UpdatedAtUtc));
            Link(xml, ns, "self", baseUrl + PublicProgressService.FeedUrl(view.Key), "application/atom+xml");
            Link(xml, ns, "alternate", page, "text/html");
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, view.Issuer ?? view.Title);
            xml.WriteEndElement();
            foreach (var task in view.Tasks)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, StableId(view.Key, task.Number));
                xml.WriteElementString("title", ns, $"{PlanPath.Citation(task.Number)}{task.Title}");
                xml.WriteElementString("updated", ns, Timestamp(task.Progress.Count > 0 ? task.Progress[0].ReportedOn.ToDateTime(TimeOnly.MinValue) : view.UpdatedAtUtc));
                Link(xml, ns, "alternate", page + "#" + Uri.EscapeDataString(AnchorOf(task)), "text/html");
                xml.WriteStartElement("content", ns);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Describe(task));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // The writer names the encoding of the StringBuilder (utf-16); the response is sent as UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>The JSON document: the plan's facts and each task as the page shows it.</summary>
    public static object Document(PublicPlanView view, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new
        {
            title = view.Title,
            year = view.Year,
            issuer = view.Issuer,
            documentNumber = view.DocumentNumber,
            issuedOn = view.IssuedOn,
            updatedAt = new DateTimeOffset(DateTime.SpecifyKind(view.UpdatedAtUtc, DateTimeKind.Utc)),
            page = baseUrl + PublicProgressService.PageUrl(view.Key),
            tasks = view.Tasks.Select(t => new
            {
                number = t.Number,
                // How the plan itself cites the task ("一、1."), for a portal that prints the list.
                numberText = PlanPath.Citation(t.Number),
                section = t.Section,
                title = t.Title,
                text = t.Text,
                leadUnits = t.LeadUnits,
                deadline = t.Deadline,
                status = t.Status,
                progress = t.Progress.Select(p => new { reportedOn = p.ReportedOn, unit = p.Unit, text = p.Text }),
            }),
        };
    }

    /// <summary>The task's place on the page: its number as the document writes it, which stays when tasks are added.</summary>
    public static string AnchorOf(PublicTask task) => "任务" + task.Number;

    /// <summary>The entry's facts in one text, as the page's row reads.</summary>
    public static string Describe(PublicTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var text = new StringBuilder();
        if (task.Text is not null)
        {
            text.AppendLine(task.Text);
        }

        text.Append("牵头单位：").AppendLine(task.LeadUnits.Count > 0 ? string.Join("、", task.LeadUnits) : "未注明");
        text.Append("完成时限：").AppendLine(task.Deadline);
        text.Append("状态：").AppendLine(task.Status);
        if (task.Progress.Count == 0)
        {
            text.Append("进展情况：暂无公开的进展。");
        }

        foreach (var note in task.Progress)
        {
            text.Append("进展情况（").Append(WorkCalendar.Format(note.ReportedOn)).Append('，').Append(note.Unit).Append("）：").AppendLine(note.Text);
        }

        return text.ToString().TrimEnd();
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A urn:uuid made from the page's key and the task's number: the same entry keeps its id in every fetch.</summary>
    private static string StableId(string key, string number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + "\n" + number));
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
