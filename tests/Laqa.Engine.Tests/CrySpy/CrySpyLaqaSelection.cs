namespace Laqa.Engine.Tests.CrySpy;

/// <summary>
/// CrySPY's LAQA bookkeeping and sync selection, ported line by line as a second code path (it does not
/// call LaqaScore or the policies). Source: github.com/Tomoki-YAMASHITA/CrySPY at commit
/// 322e037c8ee1be4d9508293e9881a4bae70223d5 (v1.5.0b15): src/cryspy/LAQA/laqa_init.py (every score +inf,
/// ids inserted in order), src/cryspy/LAQA/calc_score.py (calc_laqa_bias), src/cryspy/job/ctrl_job.py
/// (ctrl_collect_laqa: -inf when done or NaN, else -energy + bias; ctrl_skip: -inf) and
/// src/cryspy/LAQA/laqa_next_selection.py (next_selection). CrySPY is MIT-licensed,
/// Copyright (c) 2018 CrySPY Development Team.
/// </summary>
internal sealed class CrySpyLaqaSelection
{
    private readonly int _nselectLaqa;
    private readonly double _wf;
    private readonly double _ws;
    // laqa_score: a Python dict keeps insertion order (ids 0 .. tot_struc-1); only the last score of each id matters.
    private readonly List<(int Id, double Score)> _laqaScore;

    public CrySpyLaqaSelection(int totStruc, int nselectLaqa, double wf = 0.1, double ws = 10.0)
    {
        _nselectLaqa = nselectLaqa;
        (_wf, _ws) = (wf, ws);
        _laqaScore = [.. Enumerable.Range(0, totStruc).Select(i => (i, double.PositiveInfinity))];
    }

    /// <summary>
    /// calc_laqa_bias with thres = 1e-6. CrySPY takes force_step[step][atom] and averages the atoms' force
    /// norms per step; the journal keeps those per-step means, so they come in here.
    /// </summary>
    public double Bias(IReadOnlyList<double> meanForceNormPerStep, double meanAbsStressOfLastStep)
    {
        const double thres = 1.0e-6;
        var f1 = meanForceNormPerStep[^1];
        double? f2 = meanForceNormPerStep.Count == 1 ? null : meanForceNormPerStep[^2];
        var dF = f2 is null ? 1.0 : Math.Abs(f1 - f2.Value);
        dF = dF < thres ? thres : dF;
        return _wf * f1 * f1 / (2.0 * dF) + _ws * meanAbsStressOfLastStep;
    }

    /// <summary>ctrl_collect_laqa: energy (eV/atom) at the end of the batch; done when the optimization finished.</summary>
    public void Collect(int cid, double energy, IReadOnlyList<double> meanForceNormPerStep, double meanAbsStressOfLastStep, bool done)
    {
        var bias = Bias(meanForceNormPerStep, meanAbsStressOfLastStep);
        SetScore(cid, done || double.IsNaN(energy) || double.IsNaN(bias) ? double.NegativeInfinity : -energy + bias);
    }

    /// <summary>ctrl_skip: the candidate is out of the search.</summary>
    public void Skip(int cid) => SetScore(cid, double.NegativeInfinity);

    /// <summary>next_selection: scores in descending order (a stable sort, so ties keep dict order), stop at -inf or at nselect_laqa; empty means "Done all structures!".</summary>
    public IReadOnlyList<int> NextSelection()
    {
        var idQueueing = new List<int>();
        foreach (var (k, v) in _laqaScore.OrderBy(x => -x.Score))
        {
            if (v == double.NegativeInfinity) break;
            idQueueing.Add(k);
            if (idQueueing.Count == _nselectLaqa) break;
        }
        return idQueueing;
    }

    private void SetScore(int cid, double score)
    {
        var at = _laqaScore.FindIndex(x => x.Id == cid);
        _laqaScore[at] = (cid, score);
    }
}
