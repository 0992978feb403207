def policy_twice(x: float) -> float:
    return x * 2
