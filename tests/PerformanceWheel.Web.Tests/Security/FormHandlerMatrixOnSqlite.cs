using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Web.Api;
using PerformanceWheel.Web.Tests.Import;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// The write side of the authorization matrix: every form handler (each form of each page, found in the pages' source,
/// and every POST endpoint outside the API) × anonymous, Councillor, Director of the directorate and of another one,
/// PerformanceOfficer and Admin. A refused post — a real change, with a valid antiforgery token of the poster — answers
/// 401/403 or a redirect to sign in / access denied and leaves every table of the database as it was; an allowed post is
/// not refused, and the first allowed role's post changes the data (so the refused posts did carry a change). A form or
/// POST endpoint that is not in the matrix fails the test.
/// </summary>
public sealed partial class FormHandlerMatrixOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Own = "Adults Services";
    private const string Other = "Public Health";
    private static readonly ReportingPeriod Next = ReportingPeriod.Parse("2019/20 Q3");
    private static readonly ReportingPeriod Published = ReportingPeriod.Parse("2019/20 Q2");
    private static int _unique;
    private readonly Dictionary<string, string> _newestProject = new(StringComparer.Ordinal);

    public enum Who
    {
        Anonymous,
        Councillor,
        DirectorOfIt,
        DirectorOfAnother,
        Officer,
        Admin,
    }

    private static readonly Who[] Staff = [Who.Admin, Who.Officer];
    private static readonly Who[] AdminOnly = [Who.Admin];
    private static readonly Who[] SignedIn = [Who.Admin, Who.Officer, Who.DirectorOfIt, Who.DirectorOfAnother, Who.Councillor];

    // Forms that are not posted by the matrix, and why.
    private static readonly Dictionary<string, string> NotPosted = new(StringComparer.Ordinal)
    {
        ["/admin/settings council-logo"] = "a multipart upload on the Admin-only settings page (its page policy refuses the rest, as for the page's other forms); uploads and refusals are tested in CouncilBrandingOnSqlite",
        ["/account/sign-in sign-in"] = "the sign-in form is for everyone; refusals and their audit are tested in GuessingOnSqlite and AccountsOnSqlite",
        ["POST /account/sign-out"] = "ends the poster's own session and changes no data; its authorization is in AuthorizationMatrixOnSqlite",
    };

    [Fact]
    public void EveryFormHandlerInTheCodeIsInTheMatrix()
    {
        var found = FormsInPages().Concat(PostEndpoints()).Order(StringComparer.Ordinal).ToList();

        found.ShouldNotBeEmpty();
        found.ShouldBe(Rows().Select(r => r.Key).Concat(NotPosted.Keys).Order(StringComparer.Ordinal).ToList(),
            "every form of every page and every POST endpoint (outside /api) must be a row of the form handler matrix");
    }

    [Fact]
    public async Task EveryFormHandlerAllowsItsRolesAndRefusesTheRestChangingNothing()
    {
        var clients = new Dictionary<Who, HttpClient> { [Who.Anonymous] = SignedInClient.Anonymous(app.Factory) };
        clients[Who.Councillor] = await SignedInClient.AsAsync(app.Factory, Roles.Councillor);
        clients[Who.DirectorOfIt] = clients[Who.DirectorOfAnother] = await SignedInClient.AsAsync(app.Factory, Roles.Director);
        clients[Who.Officer] = await SignedInClient.AsAsync(app.Factory, Roles.PerformanceOfficer);
        clients[Who.Admin] = await SignedInClient.AsAsync(app.Factory, Roles.Admin);

        var failures = new List<string>();
        foreach (var row in Rows())
        {
            if (row.Prepare is not null)
            {
                await row.Prepare(this);
            }

            foreach (var who in Enum.GetValues<Who>().Where(w => !row.Allowed.Contains(w) && (row.Directorate || w != Who.DirectorOfAnother)))
            {
                var before = await FingerprintAsync();
                var (denied, status) = await PostAsync(row, who, clients);
                if (!denied)
                {
                    failures.Add($"{row.Key} as {who}: expected a refusal, got {status}");
                }

                if (await FingerprintAsync() != before)
                {
                    failures.Add($"{row.Key} as {who}: refused ({status}) but the database changed");
                }
            }

            foreach (var who in row.Allowed)
            {
                if (row.PrepareEachAllowedPost && who != row.Allowed[0])
                {
                    await row.Prepare!(this);
                }

                var before = await FingerprintAsync();
                var (denied, status) = await PostAsync(row, who, clients);
                if (denied)
                {
                    failures.Add($"{row.Key} as {who}: expected to be allowed, got {status}");
                }
                else if (who == row.Allowed[0] && row.Changes && await FingerprintAsync() == before)
                {
                    failures.Add($"{row.Key} as {who}: allowed ({status}) but nothing changed, so the refused posts proved nothing");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>One form handler: the page (or POST endpoint) it is on, who may post it (the first one's post must change data), and the change it posts.</summary>
    public sealed record Row(
        string Route,
        string? Handler,
        Who[] Allowed,
        Func<FormHandlerMatrixOnSqlite, string, Task<string>> Url,
        Func<IDocument, Dictionary<string, string?>>? Change = null,
        Func<FormHandlerMatrixOnSqlite, Task>? Prepare = null,
        bool Changes = true,
        Func<IDocument, string>? Resolve = null,
        bool PrepareEachAllowedPost = false)
    {
        /// <summary>A page form as "route formname" (the name as the page's source writes it); a POST endpoint as "POST route".</summary>
        public string Key => Handler is null ? $"POST {Route}" : $"{Route} {Handler}";

        /// <summary>Whether the handler acts on one directorate (so a Director of another one is a separate column).</summary>
        public bool Directorate => Route.Contains("{Directorate}", StringComparison.Ordinal);
    }

    private static Row Form(string route, string handler, Who[] allowed, Func<FormHandlerMatrixOnSqlite, string, Task<string>> url, Func<IDocument, Dictionary<string, string?>>? change = null,
        Func<FormHandlerMatrixOnSqlite, Task>? prepare = null, bool changes = true, Func<IDocument, string>? resolve = null, bool prepareEachAllowedPost = false) =>
        new(route, handler, allowed, url, change, prepare, changes, resolve, prepareEachAllowedPost);

    /// <summary>The project updates page of the directorate for the next quarter, opened on its newest prepared project if asked.</summary>
    private static Func<FormHandlerMatrixOnSqlite, string, Task<string>> Projects(bool withProject) =>
        (t, d) => Task.FromResult($"/project-updates/{Uri.EscapeDataString(d)}?period={Uri.EscapeDataString(Next.Label)}"
            + (withProject ? $"&project={Uri.EscapeDataString(t._newestProject[d])}" : string.Empty));

    private static Func<FormHandlerMatrixOnSqlite, string, Task<string>> At(string url) => (_, _) => Task.FromResult(url);

    private static Func<FormHandlerMatrixOnSqlite, string, Task<string>> Grid(ReportingPeriod quarter, string suffix = "") =>
        (_, d) => Task.FromResult($"/outturns/{Uri.EscapeDataString(d)}{suffix}?period={Uri.EscapeDataString(quarter.Label)}");

    private static Dictionary<string, string?> Set(params (string Name, string? Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _unique)}";

    private static IEnumerable<Row> Rows()
    {
        Func<FormHandlerMatrixOnSqlite, string, Task<string>> items = async (t, d) =>
            $"/outturns/{Uri.EscapeDataString(d)}/critical-items?period={Uri.EscapeDataString((await t.RedQuarterAsync()).Label)}";
        return
        [
            // The outturn grid: officers submit, publish and correct (figures are entered in the interactive grid, which is no
            // form: OutturnGridAuthorization checks its saves); a Director of the directorate (or an Admin) approves and returns.
            Form("/outturns/{Directorate}", "submit", [Who.Officer, Who.Admin], Grid(Next), prepare: t => t.FiguresAsync(submit: false, approve: false)),
            Form("/outturns/{Directorate}", "approve", [Who.DirectorOfIt, Who.Admin], Grid(Next), prepare: t => t.FiguresAsync(submit: true, approve: false)),
            Form("/outturns/{Directorate}", "return", [Who.DirectorOfIt, Who.Admin], Grid(Next), _ => Set(("ReturnReason", "Matrix: check the source")),
                prepare: t => t.FiguresAsync(submit: true, approve: false)),
            Form("/outturns/{Directorate}", "publish", [Who.Officer, Who.Admin], Grid(Next), _ => Set(("PublishPart", "true")),
                prepare: t => t.FiguresAsync(submit: true, approve: true)),
            Form("/outturns/{Directorate}", "correct", Staff, Grid(Published), _ => Set(("CorrectStatus", "NotAvailable"), ("CorrectValue", ""), ("CorrectReason", Unique("Matrix correction ")))),

            // Critical items of Red measures: officers and a Director of the directorate.
            Form("/outturns/{Directorate}/critical-items", "@addForm", [Who.Officer, Who.DirectorOfIt, Who.Admin], items,
                _ => Set(("Item.Issue", Unique("Matrix issue ")), ("Item.RemedialAction", "Matrix action"), ("Item.Owner", "Matrix owner")), resolve: Starting("add-")),
            Form("/outturns/{Directorate}/critical-items", "@form", [Who.DirectorOfIt, Who.Officer, Who.Admin], items,
                _ => Set(("Item.Issue", Unique("Matrix edited issue "))), prepare: t => t.CriticalItemsAsync(), resolve: Starting("edit-")),
            Form("/outturns/{Directorate}/critical-items", "@($\"remove-{item.Id}\")", [Who.Admin, Who.Officer, Who.DirectorOfIt], items,
                prepare: t => t.CriticalItemsAsync(), resolve: Starting("remove-")),

            // Project updates: officers and a Director of the directorate enter, submit, approve and return (a directorate-wide
            // step takes every update it finds, so each allowed post gets a fresh project of its own).
            Form("/project-updates/{Directorate}", "save", [Who.Officer, Who.DirectorOfIt, Who.Admin], Projects(withProject: true),
                _ => Set(("Form.Brag", "Amber"), ("Form.Direction", "Progressing"), ("Form.WorkingWell", Unique("Matrix success "))),
                prepare: t => t.ProjectUpdatesAsync(submit: null), prepareEachAllowedPost: true),
            Form("/project-updates/{Directorate}", "submit", [Who.Officer, Who.DirectorOfIt, Who.Admin], Projects(withProject: false),
                prepare: t => t.ProjectUpdatesAsync(submit: false), prepareEachAllowedPost: true),
            Form("/project-updates/{Directorate}", "approve", [Who.DirectorOfIt, Who.Officer, Who.Admin], Projects(withProject: false),
                prepare: t => t.ProjectUpdatesAsync(submit: true), prepareEachAllowedPost: true),
            Form("/project-updates/{Directorate}", "return", [Who.DirectorOfIt, Who.Officer, Who.Admin], Projects(withProject: false),
                _ => Set(("ReturnReason", "Matrix: check the milestones")), prepare: t => t.ProjectUpdatesAsync(submit: true), prepareEachAllowedPost: true),

            // The quarter's finance: officers (a finance lead has an officer's account).
            Form("/finance/entry", "finance", Staff, At($"/finance/entry?period={Uri.EscapeDataString(Next.Label)}"),
                _ => Set(("Lines[0].ServiceArea", Unique("Matrix service ")), ("Lines[0].ApprovedBudget", "10.5"), ("Lines[0].ForecastOutturn", "11.25"),
                    ("Reason", "Matrix: the quarter is published by the outturn rows above"))),

            // Segment assessments: officers.
            Form("/assessments", "assessments", Staff, At($"/assessments?period={Uri.EscapeDataString(Published.Label)}"),
                _ => Set(("Rows[0].Judged", "Red"), ("Rows[0].Rationale", Unique("Matrix rationale ")), ("Rows[0].Reason", Unique("Matrix judgement ")))),

            // Council settings, users and API keys: Admin only.
            Form("/admin/settings", "council-settings", AdminOnly, At("/admin/settings"), _ => Set(("Input.OverdueDaysAfterPeriodEnd", (40 + Interlocked.Increment(ref _unique) % 200).ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            Form("/admin/settings", "council-name", AdminOnly, At("/admin/settings"), _ => Set(("CouncilName.Name", Unique("Matrix Council ")))),
            Form("/admin/settings", "separation-of-duties", AdminOnly, At("/admin/settings"),
                page => Set(("Duties.SeparatesDuties", page.GetElementById("separate-duties")!.HasAttribute("checked") ? null : "True"))),
            Form("/admin/settings", "rating-scheme", AdminOnly, At("/admin/settings"),
                _ => Set(("Scheme.Action", "save"), ("Scheme.EffectiveFrom", "2030/31"), ("Scheme.BlueExceedsTargetByPercent", (Interlocked.Increment(ref _unique) % 90 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))),
            // The council's colours (CouncilBrandingForm, on the settings page): a different dark pair each time.
            Form("/admin/settings", "council-colours", AdminOnly, At("/admin/settings"), _ => Set(
                ("Colours.PrimaryColour", DarkColour()), ("Colours.SecondaryColour", DarkColour()))),
            // Covering reports: the Admin's template; the officers' reports and their sign-offs (FormHandlerMatrixCovering.cs).
            Form("/admin/covering-report", "covering-template", AdminOnly, At("/admin/covering-report"), _ => Set(("Input.CabinetMeeting", Unique("Matrix Cabinet ")))),
            Form("/covering-reports", "covering-report", Staff, At(CoveringCabinet), _ => Set(("Report.Texts[2]", Unique("Matrix recommendation ")))),
            Form("/covering-reports", "sign-off", Staff, At(CoveringCabinet), _ => Set(("SignOff.Row", "4"), ("SignOff.Names[4]", Unique("Matrix signer ")))),
            Form("/covering-reports", "clear-sign-off", Staff, At(CoveringCabinet), _ => Set(("Clear.Role", "Communications")),
                prepare: t => t.CommunicationsSignedOffAsync(), prepareEachAllowedPost: true),
            Form("/covering-reports", "covering-start", Staff, (t, _) => Task.FromResult(t.UnstartedCoveringUrl()), prepare: t => t.NextUnstartedQuarterAsync(), prepareEachAllowedPost: true),
            Form("/admin/users", "create-user", AdminOnly, At("/admin/users"),
                _ => Set(("Input.Email", Unique("matrix-user-") + "@demo.council"), ("Input.DisplayName", "Matrix user"), ("Input.Password", "Matrix-User-2019"), ("Input.Role", Roles.Councillor))),
            Form("/admin/users/{Id}", "edit-user", AdminOnly, async (t, _) => "/admin/users/" + await t.TargetUserAsync(), _ => Set(("Input.DisplayName", Unique("Matrix target "))),
                prepare: t => t.TargetUserAsync()),
            Form("/admin/api-keys", "create-api-key", AdminOnly, At("/admin/api-keys"), _ => Set(("Input.Name", Unique("Matrix key ")), ("Input.Role", Roles.Councillor))),
            new("/admin/users/{id}/disable", null, AdminOnly, async (t, _) => $"/admin/users/{await t.TargetUserAsync()}/disable", Prepare: t => t.TargetUserEnabledAsync()),
            new("/admin/users/{id}/enable", null, AdminOnly, async (t, _) => $"/admin/users/{await t.TargetUserAsync()}/enable", Prepare: t => t.TargetUserDisabledAsync()),
            new("/admin/api-keys/{id:int}/revoke", null, AdminOnly, async (t, _) => $"/admin/api-keys/{await t.NewestKeyAsync()}/revoke", Prepare: t => t.NewKeyAsync()),

            // The framework: officers. Existing records are edited (id 7: not a directorate the other rows post to); new ones created.
            Form("/admin/framework/committees/{Id:int}", "committee", Staff, At("/admin/framework/committees/1"), _ => Set(("Input.Name", Unique("Matrix committee ")))),
            Form("/admin/framework/committees/new", "committee", Staff, At("/admin/framework/committees/new"), _ => Set(("Input.Code", Unique("MX")), ("Input.Name", Unique("Matrix new committee ")))),
            Form("/admin/framework/directorates/{Id:int}", "directorate", Staff, At("/admin/framework/directorates/7"), _ => Set(("Input.Name", Unique("Matrix directorate ")))),
            Form("/admin/framework/directorates/new", "directorate", Staff, At("/admin/framework/directorates/new"), _ => Set(("Input.Name", Unique("Matrix new directorate ")))),
            Form("/admin/framework/plans/{Id:int}", "plan", Staff, At("/admin/framework/plans/1"), _ => Set(("Input.Name", Unique("Matrix plan ")))),
            Form("/admin/framework/plans/new", "plan", Staff, At("/admin/framework/plans/new"), _ => Set(("Input.Name", Unique("Matrix new plan ")), ("Input.FirstYear", "2030/31"), ("Input.LastYear", "2033/34"))),
            Form("/admin/framework/groups/{Id:int}", "group", Staff, At("/admin/framework/groups/1"), _ => Set(("Input.Name", Unique("Matrix group ")))),
            Form("/admin/framework/groups/new", "group", Staff, At("/admin/framework/groups/new"), _ => Set(("Input.Name", Unique("Matrix new group ")), ("Input.Order", "90"), ("Input.PlanId", "1"))),
            Form("/admin/framework/segments/{Id:int}", "segment", Staff, At("/admin/framework/segments/1"), _ => Set(("Input.Title", Unique("Matrix segment ")))),
            Form("/admin/framework/segments/new", "segment", Staff, At("/admin/framework/segments/new"),
                _ => Set(("Input.Code", Unique("X")), ("Input.Title", Unique("Matrix new segment ")), ("Input.Order", "90"), ("Input.Lead", "Matrix lead")), changes: false),
            Form("/admin/framework/projects/{Id:int}", "project", Staff, At("/admin/framework/projects/1"), _ => Set(("Input.Title", Unique("Matrix project ")))),
            Form("/admin/framework/projects/new", "project", Staff, At("/admin/framework/projects/new"), _ => Set(("Input.Code", Unique("MXP-")), ("Input.Title", Unique("Matrix new project "))), changes: false),
            Form("/admin/framework/measures/{Id:int}", "measure", Staff, At("/admin/framework/measures/1"), _ => Set(("Input.Title", Unique("Matrix measure ")))),
            Form("/admin/framework/measures/new", "measure", Staff, At("/admin/framework/measures/new"), _ => Set(("Input.Code", Unique("MX-M-")), ("Input.Title", Unique("Matrix new measure "))), changes: false),
            Form("/admin/framework/measures/{Id:int}/targets", "target", Staff, At("/admin/framework/measures/1/targets"), _ => Set(("Input.Year", "2030/31"), ("Input.Value", "50")), changes: false),
            Form("/admin/framework/measures/{Id:int}/targets", "remove-target", Staff, At("/admin/framework/measures/1/targets"),
                page => Set(("RemoveId", page.QuerySelector("button[name=RemoveId]")!.GetAttribute("value")))),

            // Everyone signed in changes their own password (posted with a wrong current password: refused by the form, not by authorization).
            Form("/account/password", "change-password", SignedIn, At("/account/password"),
                _ => Set(("Input.Current", "not-the-password"), ("Input.New", "Matrix-New-2019"), ("Input.Confirm", "Matrix-New-2019")), changes: false),

            // The workbook import: officers upload, then confirm or cancel what they uploaded.
            new("/admin/import/upload", null, Staff, At("/admin/import/upload"), Changes: false),
            Form("/admin/import/{Token}", "confirm", Staff, (t, _) => t.UploadedAsync(), changes: true),
            Form("/admin/import/{Token}", "cancel", Staff, (t, _) => t.UploadedAsync(), changes: false),
        ];
    }

    private static Func<IDocument, string> Starting(string prefix) => page =>
        page.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value")!).FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No form '{prefix}…' on the page.");

    /// <summary>Posts the handler as <paramref name="who"/>: the form as an Admin sees it (with the change), with the poster's own antiforgery token.</summary>
    private async Task<(bool Denied, string Status)> PostAsync(Row row, Who who, Dictionary<Who, HttpClient> clients)
    {
        var client = clients[who];
        var url = await row.Url(this, who == Who.DirectorOfAnother ? Other : Own);
        var token = await SignedInClient.TokenAsync(client, "/account/sign-in");
        HttpResponseMessage response;
        if (row.Handler is null && row.Route == "/admin/import/upload")
        {
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("draft"), "mode" },
                { new ByteArrayContent(Samples.Good(Unique("MU")).Bytes()), "file", "matrix.xlsx" },
            };
            response = await client.PostAsync(new Uri(url, UriKind.Relative), multipart);
        }
        else
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (row.Handler is not null)
            {
                var (_, page) = await Html.GetAsync(clients[Who.Admin], who == Who.DirectorOfAnother ? await row.Url(this, Own) : url);
                var handler = row.Resolve?.Invoke(page) ?? row.Handler;
                fields = PageForms.Fields(PageForms.Form(page, handler));
                foreach (var (name, value) in row.Change?.Invoke(page) ?? [])
                {
                    if (value is null)
                    {
                        fields.Remove(name);
                    }
                    else
                    {
                        fields[name] = value;
                    }
                }
            }

            fields["__RequestVerificationToken"] = token;
            using var content = new FormUrlEncodedContent(fields);
            response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        }

        return SignedInClient.Refusal(response);
    }

    /// <summary>A hash of every row of every table: any write anywhere changes it.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new SqliteConnection(app.Factory.Database.Options.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync();
            text.Append(table).Append('\n');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A fresh figure in both directorates (entered by the officer), submitted and approved by the Director if asked.</summary>
    private async Task FiguresAsync(bool submit, bool approve)
    {
        foreach (var directorate in new[] { Own, Other })
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var workflow = scope.ServiceProvider.GetRequiredService<OutturnWorkflow>();
            var grid = await workflow.GridAsync(directorate, Next);
            var row = grid!.Rows.First(r => r.Outturn is null);
            (await workflow.SaveAsync(directorate, [new EntryInput(row.Measure.Code, row.Period.Code, null, "Tbc", false, null, null)], "officer@demo.council")).Single().Saved.ShouldBeTrue();
            if (submit)
            {
                await workflow.SubmitAsync(directorate, Next, "officer@demo.council");
            }

            if (approve)
            {
                (await workflow.ApproveAsync(directorate, Next, "director@demo.council")).Refused.ShouldBeNull();
            }
        }
    }

    /// <summary>
    /// A new project in both directorates (Adults Services has none in the demo), and for each, unless <paramref name="submit"/>
    /// is null, a draft update entered by the officer, submitted if asked.
    /// </summary>
    private async Task ProjectUpdatesAsync(bool? submit)
    {
        foreach (var directorate in new[] { Own, Other })
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
            var segment = await db.Projects.Where(p => !p.IsRetired).OrderBy(p => p.Id).Select(p => p.Segment).FirstAsync();
            var project = new Project(Unique("MXU-"), "Matrix project", segment);
            project.AssignTo(await db.Directorates.SingleAsync(d => d.Name == directorate));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            _newestProject[directorate] = project.Code;
            if (submit is null)
            {
                continue;
            }

            var commands = scope.ServiceProvider.GetRequiredService<ProjectUpdateCommands>();
            var officer = new WorkflowUser(null, "officer@demo.council", IsOfficer: true, IsDirector: false);
            (await commands.SaveAsync(officer, new ProjectUpdateInput(project.Code, Next.Label, "Green", "Progressing", "Prepared", null, null, null))).Succeeded.ShouldBeTrue();
            if (submit.Value)
            {
                (await commands.SubmitAsync(officer, directorate, Next)).Succeeded.ShouldBeTrue();
            }
        }
    }

    /// <summary>Enough critical items on the directorate's first Red measure for every allowed post to act on one.</summary>
    private async Task CriticalItemsAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var items = scope.ServiceProvider.GetRequiredService<CriticalItemsWorkflow>();
        var quarter = await RedQuarterAsync();
        var code = (await items.SheetAsync(Own, quarter))!.RedMeasures[0].Line.Code;
        var officer = new WorkflowUser(null, "officer@demo.council", IsOfficer: true, IsDirector: false);
        for (var i = 0; i < 4; i++)
        {
            (await items.AddAsync(Own, quarter, code, new CriticalItemInput(Unique("Prepared issue "), "Action", "Owner"), officer)).Succeeded.ShouldBeTrue();
        }
    }

    /// <summary>The latest published quarter in which the Director's directorate has a Red measure (critical items are kept on those).</summary>
    private async Task<ReportingPeriod> RedQuarterAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var items = scope.ServiceProvider.GetRequiredService<CriticalItemsWorkflow>();
        for (var quarter = Published; quarter.Year.StartYear >= 2015; quarter = quarter.Previous)
        {
            if ((await items.SheetAsync(Own, quarter))!.RedMeasures.Count > 0)
            {
                return quarter;
            }
        }

        throw new InvalidOperationException($"{Own} has no Red measure in any quarter.");
    }

    private Task<string> TargetUserAsync() => SignedInClient.TargetUserAsync(app.Factory, "form-matrix-target@demo.council");

    private Task TargetUserEnabledAsync() => SetTargetUserAsync(enabled: true);

    private Task TargetUserDisabledAsync() => SetTargetUserAsync(enabled: false);

    private async Task SetTargetUserAsync(bool enabled)
    {
        var id = await TargetUserAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.IsDisabled = !enabled;
        await db.SaveChangesAsync();
    }

    private async Task NewKeyAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyAdministration>();
        (await keys.CreateAsync(Unique("Matrix revoke "), Roles.Councillor, [], "admin@demo.council")).Key.ShouldNotBeNull();
    }

    private async Task<string> NewestKeyAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<ApiKeyAdministration>().ListAsync();
        return keys.Where(k => k.RevokedAt is null).Max(k => k.Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The review page of a workbook the Admin has just uploaded (draft figures for a new measure).</summary>
    private async Task<string> UploadedAsync()
    {
        var admin = await SignedInClient.AsAsync(app.Factory, Roles.Admin);
        var token = await SignedInClient.TokenAsync(admin, "/admin/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("draft"), "mode" },
            { new ByteArrayContent(Samples.Good(Unique("MC")).Bytes()), "file", "matrix.xlsx" },
        };
        var response = await admin.PostAsync(new Uri("/admin/import/upload", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.ToString();
    }

    /// <summary>Components with forms of their own, by the routed pages that place them.</summary>
    private static readonly Dictionary<string, string[]> EmbeddedIn = new(StringComparer.Ordinal)
    {
        ["CouncilBrandingForm.razor"] = ["/admin/settings"],
        ["NewAccountForm.razor"] = ["/admin/users"],
        ["ProjectUpdateEditor.razor"] = ["/project-updates/{Directorate}"],
    };

    private static string DarkColour()
    {
        var n = Interlocked.Increment(ref _unique);
        return $"#{n % 4}{n % 10}{(n / 10) % 4}{n % 7}4{n % 9}";
    }

    /// <summary>Every form of every routed page, from the pages' source: "route formname" for each route the page answers.</summary>
    private static IEnumerable<string> FormsInPages()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "PerformanceWheel.Web", "Components");
        foreach (var file in Directory.EnumerateFiles(pages, "*.razor", SearchOption.AllDirectories))
        {
            // The stand-in that answers 403 to a post of a form a page does not offer: posted by every refused row above.
            if (Path.GetFileName(file) == "RefusedForm.razor")
            {
                continue;
            }

            var source = File.ReadAllText(file);
            var routes = PageRoute().Matches(source).Select(m => m.Groups[1].Value).ToList();
            var forms = FormName().Matches(source).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            if (forms.Count > 0 && routes.Count == 0 && EmbeddedIn.TryGetValue(Path.GetFileName(file), out var hosts))
            {
                routes = [.. hosts];
            }

            if (forms.Count > 0 && routes.Count == 0)
            {
                throw new InvalidOperationException($"{file} has forms but no route: add the pages that use it to the matrix.");
            }

            foreach (var route in routes)
            {
                foreach (var form in forms)
                {
                    yield return $"{route} {form}";
                }
            }
        }
    }

    private IEnumerable<string> PostEndpoints() =>
        app.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => $"POST {r}");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PerformanceWheel.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (PerformanceWheel.sln) was not found.");
    }

    [GeneratedRegex("^@page \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex PageRoute();

    // A form's name as written: a literal ("save"), a variable ("@form") or an interpolation ("@($"remove-{item.Id}")").
    [GeneratedRegex("(?:@formname|FormName)=\"(@\\(\\$\"[^\"]*\"\\)|[^\"]*)\"")]
    private static partial Regex FormName();
}
