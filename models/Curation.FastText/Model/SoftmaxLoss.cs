namespace Curation.FastText.Model;

/// <summary>Full softmax over the labels.</summary>
internal sealed class SoftmaxLoss(FastTextMatrix wo) : FastTextLoss(wo)
{
    public override void ComputeOutput(ModelState state, bool exact)
    {
        var output = state.Output;
        for (var i = 0; i < output.Length; i++) output[i] = Dot(state.Hidden, i, exact);
        var max = output[0];
        for (var i = 0; i < output.Length; i++) max = Math.Max(output[i], max);
        var z = 0f;
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = MathF.Exp(output[i] - max);
            z += output[i];
        }
        for (var i = 0; i < output.Length; i++) output[i] /= z;
    }

    public override float Forward(IntList targets, int targetIndex, ModelState state, float lr, bool backprop)
    {
        ComputeOutput(state, exact: false);
        var target = targets[targetIndex];
        if (backprop)
        {
            var wo = WoDense!;
            for (var i = 0; i < state.Output.Length; i++)
            {
                var label = i == target ? 1f : 0f;
                var alpha = lr * (label - state.Output[i]);
                wo.AddRowToVector(state.Grad, i, alpha);
                wo.AddVectorToRow(state.Hidden, i, alpha);
            }
        }
        return -TableLog(state.Output[target]);
    }
}
