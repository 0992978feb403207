def who():
    return 'a'


def twice(x):
    return 2 * x
