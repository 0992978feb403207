def hello_world(text):
    return 'Python hello_world: ' + text
