// translate: placeholder
