using System.Diagnostics;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Runs the rules of a run on one template each, with a time bound per rule. The rules of a template run one after the
/// other on one worker thread while the caller waits; a rule that throws (an <see cref="OperationCanceledException"/>
/// included) or runs past the bound is INFRA0005 and reports nothing for the file, and the rules after it go on on a new
/// thread. .NET cannot stop a thread, so a rule that never returns keeps its thread, and it is not run again in this run.
/// </summary>
/// <remarks>
/// One hand-over per template, not one per rule: a thread-pool task per rule and the caller's spinning wait for each
/// cost 70% of the main thread's time on 1,000 ARM templates, and the pool's spinning between items a third of the
/// remaining CPU (docs/performance.md).
/// </remarks>
internal sealed class RuleRunner(TimeSpan timeout)
{
    // Rules that ran out of time once, shared by the lanes of a run.
    private readonly HashSet<Rule> timedOut = new(ReferenceEqualityComparer.Instance);

    /// <summary>The findings of <paramref name="rules"/> on <paramref name="model"/>, in rule order.</summary>
    public List<Finding> Run(TemplateModel model, IReadOnlyList<Rule> rules, CancellationToken cancellation)
    {
        var outcomes = new IReadOnlyList<Finding>?[rules.Count];
        var next = 0;
        while (next < rules.Count)
        {
            cancellation.ThrowIfCancellationRequested();
            next = RunFrom(next, model, rules, outcomes, cancellation);
        }
        var results = new List<Finding>();
        foreach (var outcome in outcomes)
            results.AddRange(outcome!);
        return results;
    }

    // Runs rules[first..] on one worker thread and waits; returns where to go on from (past a rule that ran out of time).
    private int RunFrom(int first, TemplateModel model, IReadOnlyList<Rule> rules, IReadOnlyList<Finding>?[] outcomes, CancellationToken cancellation)
    {
        var batch = new Batch(first);
        Worker().Post(() => RunBatch(batch, model, rules, outcomes));
        using var wake = cancellation.CanBeCanceled ? cancellation.Register(() => batch.Wake()) : default;
        lock (batch)
        {
            try
            {
                while (batch.Current < rules.Count)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var remaining = timeout - Stopwatch.GetElapsedTime(batch.Started);
                    if (remaining <= TimeSpan.Zero)
                    {
                        var rule = rules[batch.Current];
                        lock (timedOut)
                            timedOut.Add(rule);
                        outcomes[batch.Current] = [Failed(model, rule, $"it did not finish within {Seconds(timeout)} s")];
                        batch.Abandoned = true;
                        return batch.Current + 1;
                    }
                    Monitor.Wait(batch, remaining < MaxWait ? remaining : MaxWait);
                }
                return rules.Count;
            }
            finally
            {
                batch.Abandoned = true; // a cancelled wait leaves the rest of the rules unrun
            }
        }
    }

    // Monitor.Wait takes at most int.MaxValue milliseconds.
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(int.MaxValue);

    private void RunBatch(Batch batch, TemplateModel model, IReadOnlyList<Rule> rules, IReadOnlyList<Finding>?[] outcomes)
    {
        for (var index = batch.First; index < rules.Count; index++)
        {
            var rule = rules[index];
            IReadOnlyList<Finding> outcome;
            if (TimedOut(rule))
            {
                outcome = [Failed(model, rule, $"it did not finish within {Seconds(timeout)} s on an earlier file and was not run again")];
            }
            else
            {
                var sink = new FindingSink(model);
                try
                {
                    rule.Analyze(model, sink);
                    outcome = sink.Findings;
                }
                catch (Exception e)
                {
                    outcome = [Failed(model, rule, $"{e.GetType().Name}: {QuotedValues.Redact(e.Message, null)}")];
                }
            }
            lock (batch)
            {
                if (batch.Abandoned)
                    return; // the caller gave up on this rule (or the run): what it found is not used
                outcomes[index] = outcome;
                batch.Current = index + 1;
                batch.Started = Stopwatch.GetTimestamp();
                if (batch.Current == rules.Count)
                    Monitor.PulseAll(batch);
            }
        }
    }

    // Threads of this runner that wait for work. A thread-pool task per template would do, but the pool's workers spin
    // for the next item after each one: a third of the CPU of a 1,000-template run went to that spinning.
    private readonly Stack<RuleThread> idle = new();

    private RuleThread Worker()
    {
        lock (idle)
        {
            if (idle.TryPop(out var thread))
                return thread;
        }
        return new RuleThread(thread => { lock (idle) idle.Push(thread); });
    }

    private bool TimedOut(Rule rule)
    {
        lock (timedOut)
            return timedOut.Contains(rule);
    }

    private static Finding Failed(TemplateModel model, Rule rule, string reason) =>
        ToolDiagnostics.At(ToolDiagnostics.RuleFailed, SourceLocation.StartOf(model.FilePath), rule.Describe.Id, reason);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A background thread that runs one piece of work at a time and then makes itself available again; a rule that never
    /// returns keeps it, and the runner starts another.
    /// </summary>
    private sealed class RuleThread
    {
        private readonly object gate = new();
        private readonly Action<RuleThread> done;
        private Action? work;

        public RuleThread(Action<RuleThread> done)
        {
            this.done = done;
            new Thread(Loop) { IsBackground = true, Name = "InfraLint rules" }.Start();
        }

        public void Post(Action action)
        {
            lock (gate)
            {
                work = action;
                Monitor.Pulse(gate);
            }
        }

        private void Loop()
        {
            while (true)
            {
                Action action;
                lock (gate)
                {
                    while (work is null)
                        Monitor.Wait(gate);
                    action = work;
                    work = null;
                }
                action();
                done(this);
            }
        }
    }

    /// <summary>The rules of one template from <see cref="First"/> on, as one thread runs them; guarded by its own lock.</summary>
    private sealed class Batch(int first)
    {
        public int First { get; } = first;

        /// <summary>The rule running (or about to run); the rule count when all have run.</summary>
        public int Current { get; set; } = first;

        /// <summary>When <see cref="Current"/> was handed over (queued, or the rule before it returned).</summary>
        public long Started { get; set; } = Stopwatch.GetTimestamp();

        public bool Abandoned { get; set; }

        public void Wake()
        {
            lock (this)
                Monitor.PulseAll(this);
        }
    }
}
