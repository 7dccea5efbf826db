namespace Curation.FastText.Model;

/// <summary>Shared part of the losses built from independent sigmoids (ova, ns, hs).</summary>
internal abstract class BinaryLogisticLoss(FastTextMatrix wo) : FastTextLoss(wo)
{
    protected float BinaryLogistic(int target, ModelState state, bool labelIsPositive, float lr, bool backprop)
    {
        var score = Sigmoid(Dot(state.Hidden, target, exact: false));
        if (backprop)
        {
            var alpha = lr * ((labelIsPositive ? 1f : 0f) - score);
            WoDense!.AddRowToVector(state.Grad, target, alpha);
            WoDense.AddVectorToRow(state.Hidden, target, alpha);
        }
        return labelIsPositive ? -TableLog(score) : -TableLog(1f - score);
    }

    public override void ComputeOutput(ModelState state, bool exact)
    {
        var output = state.Output;
        for (var i = 0; i < output.Length; i++) output[i] = Sigmoid(Dot(state.Hidden, i, exact));
    }
}
