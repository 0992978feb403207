def who():
    return 'b'
