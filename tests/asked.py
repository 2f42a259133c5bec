"""What a generation result asks: the keys of its published questions (shared by the engine tests)."""


def asked_values(result) -> set[str]:
    """Every correct choice and every typed answer of the result's questions."""
    out = set()
    for q in result.questions:
        out |= {c["text"] for c in q.get("choices", []) if c["correct"]}
        if q.get("answer"):
            out.add(q["answer"])
    return out
