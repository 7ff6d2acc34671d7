export function EmptyState() {
  return (
    <div className="empty">
      <h2>No model open</h2>
      <p>
        Choose an example above, or open a model file. The engine checks the model, infers every node's output shape and
        runs a forward and backward pass on the model's sample.
      </p>
    </div>
  );
}
